export function startServer(opts?: { port?: number; host?: string; build?: string }): Promise<{
  server: import("node:http").Server;
  port: number;
  url: string;
  close: () => Promise<void>;
}>;
