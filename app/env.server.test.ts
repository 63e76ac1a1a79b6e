import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.server";

const good = {
  ENCRYPTION_KEYS: "1:" + Buffer.alloc(32, 1).toString("base64"),
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseEnv(env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
}

describe("configuration validated at boot", () => {
  it("accepts a minimal valid configuration with SQLite as the default database", () => {
    const env = parseEnv(good);
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.sqlite");
    expect(env.ENCRYPTION_KEYS[0].key).toHaveLength(32);
    expect(env.TRULYBOT_DEMO).toBe(false);
  });

  it.each([
    [{ ...good, ENCRYPTION_KEYS: undefined }, "ENCRYPTION_KEYS"],
    [{ ...good, ENCRYPTION_KEYS: "1:" + Buffer.alloc(16).toString("base64") }, "ENCRYPTION_KEYS"],
    [{ ...good, ENCRYPTION_KEYS: "tooshort" }, "ENCRYPTION_KEYS"],
    [{ ...good, DATABASE_URL: "mysql://root@localhost/db" }, "DATABASE_URL"],
    [{ ...good, DATABASE_URL: "postgresql://" }, "DATABASE_URL"],
    [{ ...good, SHOPIFY_API_SECRET: undefined }, "SHOPIFY_API_SECRET"],
    [{ ...good, PORT: "eighty" }, "PORT"],
  ])("names the bad variable (%#)", (env, name) => {
    const p = problems(env as Record<string, string | undefined>);
    expect(p.length).toBeGreaterThan(0);
    expect(p.join("\n")).toContain(name);
    expect(p.join("\n")).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it("orders keys newest first and rejects duplicate versions", () => {
    const k = (n: number) => `${n}:` + Buffer.alloc(32, n).toString("base64");
    expect(
      parseEnv({ ...good, ENCRYPTION_KEYS: `${k(1)},${k(3)},${k(2)}` }).ENCRYPTION_KEYS.map((x) => x.version),
    ).toEqual([3, 2, 1]);
    expect(problems({ ...good, ENCRYPTION_KEYS: `${k(1)},${k(1)}` }).join()).toMatch(/unique/);
  });

  it("inbound e-mail: a mail domain and a signing key of 16+ characters; empty means off", () => {
    const on = parseEnv({
      ...good,
      INBOUND_EMAIL_DOMAIN: "reply.example.com",
      INBOUND_EMAIL_SECRET: "k".repeat(16),
    });
    expect([on.INBOUND_EMAIL_DOMAIN, on.INBOUND_EMAIL_SECRET]).toEqual(["reply.example.com", "k".repeat(16)]);
    const off = parseEnv({ ...good, INBOUND_EMAIL_DOMAIN: "", INBOUND_EMAIL_SECRET: "" });
    expect([off.INBOUND_EMAIL_DOMAIN, off.INBOUND_EMAIL_SECRET]).toEqual([undefined, undefined]);
    expect(problems({ ...good, INBOUND_EMAIL_DOMAIN: "reply@example.com" })).toEqual([
      expect.stringMatching(/^INBOUND_EMAIL_DOMAIN: must be a mail domain/),
    ]);
    expect(problems({ ...good, INBOUND_EMAIL_SECRET: "short" })).toEqual([
      expect.stringMatching(/^INBOUND_EMAIL_SECRET: must be at least 16/),
    ]);
  });

  it("accepts PostgreSQL URLs", () => {
    expect(
      parseEnv({ ...good, DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test" }).DATABASE_URL,
    ).toMatch(/^postgresql/);
  });
});
