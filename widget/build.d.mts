export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}
export const ROOT: string;
export const LAUNCHER_BUDGET_BYTES: number;
export const DEFAULT_OUT_DIRS: string[];
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
