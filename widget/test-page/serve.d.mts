export function startServer(
  port?: number,
  opts?: { accent?: string; name?: string; greeting?: string; position?: string; delayMs?: number },
): Promise<{
  url: string;
  close: () => Promise<void>;
  /** every protocol request the mock received */
  requests: {
    method: string;
    path: string;
    query?: Record<string, string>;
    body?: Record<string, unknown>;
  }[];
  /** a person from the team writes into the latest conversation (picked up by the widget's poll) */
  agentReply(text: string): void;
}>;
