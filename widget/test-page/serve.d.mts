export function startServer(
  port?: number,
  opts?: { accent?: string; name?: string; greeting?: string; position?: string; delayMs?: number },
): Promise<{ url: string; close: () => Promise<void> }>;
