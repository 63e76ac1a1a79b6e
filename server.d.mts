export function startServer(opts?: { port?: number; host?: string; build?: string }): Promise<{
  server: import("node:http").Server;
  port: number;
  url: string;
  close: () => Promise<void>;
}>;
export interface StaticEntry {
  file: string;
  headers: Record<string, string | number>;
}
export function indexStatic(dir: string): Map<string, StaticEntry>;
export function serveStatic(
  index: Map<string, StaticEntry>,
  req: import("node:http").IncomingMessage,
  res: import("node:http").ServerResponse,
): boolean;
export const HOT_ROUTES: Record<string, string>;
export function createHotPaths(
  modules: Record<string, { loader?: unknown; action?: unknown }>,
): (
  req: import("node:http").IncomingMessage,
  res: import("node:http").ServerResponse,
  origin: string,
  limit?: number,
  state?: { tooLarge: boolean },
) => Promise<boolean>;
/** The request body limit for a path (bytes). */
export function bodyLimitFor(pathname: string): number;
