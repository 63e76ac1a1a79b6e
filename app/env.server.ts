/**
 * Configuration, validated once at boot. Every variable is documented in .env.example.
 * A bad value fails fast with a message that names the variable (never a stack trace):
 * `loadEnv()` throws a ConfigError, the server entry (server.mjs) and the CLI print it and exit 1.
 */
import { z } from "zod";

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const keyList = z
  .string({ required_error: "is required (e.g. ENCRYPTION_KEYS=1:<base64 of 32 random bytes>)" })
  .transform((raw, ctx) => {
    const keys: { version: number; key: Buffer }[] = [];
    for (const part of raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^(\d{1,6}):(.+)$/.exec(part);
      if (!m) {
        ctx.addIssue({
          code: "custom",
          message: `entry "${part.slice(0, 8)}…" must look like <version>:<base64 key>`,
        });
        return z.NEVER;
      }
      const key = Buffer.from(m[2], /^[0-9a-f]{64}$/i.test(m[2]) ? "hex" : "base64");
      if (key.length !== 32) {
        ctx.addIssue({
          code: "custom",
          message: `key version ${m[1]} must be 32 bytes (base64 or 64 hex chars), got ${key.length} bytes — generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
        });
        return z.NEVER;
      }
      keys.push({ version: Number(m[1]), key });
    }
    if (keys.length === 0) {
      ctx.addIssue({ code: "custom", message: "must contain at least one key" });
      return z.NEVER;
    }
    if (new Set(keys.map((k) => k.version)).size !== keys.length) {
      ctx.addIssue({ code: "custom", message: "key versions must be unique" });
      return z.NEVER;
    }
    return keys.sort((a, b) => b.version - a.version); // newest first
  });

const databaseUrl = z
  .string()
  .default("file:./prisma/dev.sqlite")
  .refine((u) => /^file:.+/.test(u) || /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(u), {
    message:
      "must be a SQLite file URL (file:./prisma/dev.sqlite) or a PostgreSQL URL (postgresql://user@host:5432/db)",
  });

const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SHOPIFY_APP_URL: z.string().url().default("http://localhost:3000"),
  DATABASE_URL: databaseUrl,
  ENCRYPTION_KEYS: keyList,
  SHOPIFY_API_KEY: z
    .string({ required_error: "is required (your app's client id)" })
    .min(1, "is required (your app's client id)"),
  SHOPIFY_API_SECRET: z
    .string({ required_error: "is required (your app's client secret)" })
    .min(1, "is required (your app's client secret)"),
  SCOPES: z.string().default("read_orders,read_themes"),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  SHOPIFY_ADMIN_API_ORIGIN: optionalUrl,
  SMTP_URL: optionalUrl,
  SMTP_FROM: z.string().default("TrulyBot <no-reply@trulybot.local>"),
  // Inbound e-mail (ADR 0031): replies to reply+…@INBOUND_EMAIL_DOMAIN are posted by the mail provider to
  // POST /api/v1/inbound/email, signed with INBOUND_EMAIL_SECRET. Both set = e-mail replies thread back.
  INBOUND_EMAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/i, "must be a mail domain (reply.example.com)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  INBOUND_EMAIL_SECRET: z
    .string()
    .min(16, "must be at least 16 characters (the provider's webhook signing key)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  TRULYBOT_DEMO: z
    .enum(["0", "1", "true", "false", ""])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  WOO_ALLOW_HTTP_STORES: z
    .enum(["0", "1", "true", "false", ""])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  // Conversations older than this many days are purged daily (per store: BotSettings.retentionDays).
  CONVERSATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Reverse proxies of our own in front of the app (each appends one X-Forwarded-For entry).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  const problems = result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`);
  // the SQLite default is for development only: in production a missing URL is a mistake, not a new file
  if (source.NODE_ENV === "production" && !source.DATABASE_URL)
    problems.push(
      "DATABASE_URL: is required in production (a PostgreSQL URL, or file:/path/to/trulybot.sqlite)",
    );
  if (problems.length || !result.success) throw new ConfigError(problems);
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration. First call validates process.env; later calls return the same object. */
export function loadEnv(): Env {
  if (!cached) cached = parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvForTests() {
  cached = undefined;
}
