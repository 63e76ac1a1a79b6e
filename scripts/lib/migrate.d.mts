export function isPostgresUrl(url: string | undefined): boolean;
export function migrationsDir(url: string): string;
export function listMigrations(url: string): { name: string; sql: string; checksum: string }[];
export function splitStatements(sql: string): string[];
export function sqliteFileUrl(url: string): string;
export function migrationStatus(
  url: string,
): Promise<{ applied: string[]; pending: string[]; modified: string[] }>;
export function applyMigrations(url: string, opts?: { log?: (msg: string) => void }): Promise<string[]>;
export function ensurePostgresDatabase(url: string): Promise<void>;
export function dropPostgresDatabase(url: string): Promise<void>;
