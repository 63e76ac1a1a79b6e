export interface ThemeCheckOffense {
  check: string;
  severity: number;
  message: string;
  uri: string;
  start?: { line: number; character: number };
}
export const EXTENSION_DIR: string;
export function runThemeCheck(dir?: string): Promise<{ offenses: ThemeCheckOffense[] }>;
export function formatOffense(o: ThemeCheckOffense, dir?: string): string;
