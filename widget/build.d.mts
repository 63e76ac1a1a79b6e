export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}
export const ROOT: string;
export const LAUNCHER_BUDGET_BYTES: number;
export const DEFAULT_OUT_DIRS: string[];
export const SIZES_FILE: string;
export const BUDGET_SLACK: number;
export function readBudget(file?: string): Promise<Record<string, Sizes> | null>;
export function checkBudget(
  sizes: Record<string, Sizes>,
  budget: Record<string, Pick<Sizes, "brotli">> | null,
): string[];
export function measure(buf: Uint8Array): Sizes;
export function buildWidget(opts?: {
  outDirs?: string[];
  sizesFile?: string | null;
  write?: boolean;
}): Promise<{
  files: Record<string, Buffer>;
  sizes: Record<string, Sizes>;
  launcherWithinBudget: boolean;
}>;
