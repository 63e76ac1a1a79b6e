import crypto from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  canonicalString,
  signedHeaders,
  signParts,
  verifyWooRequest,
  type VerifyDeps,
} from "./signature.server";

interface Vector {
  name: string;
  secret: string;
  storeId: string;
  timestamp: string;
  nonce: string;
  method: string;
  path: string;
  customer: string;
  shopper: string;
  shopperIp?: string;
  shopperUserAgent?: string;
  body: string;
  canonical: string;
  signature: string;
}
const vectors = (
  JSON.parse(
    fs.readFileSync(new URL("../../../test/vectors/woo-signature.json", import.meta.url), "utf8"),
  ) as {
    cases: Vector[];
  }
).cases;

describe("plugin ↔ app signature: the shared test vector (produced by the PHP plugin's signer)", () => {
  it.each(vectors.map((v) => [v.name, v] as const))("%s", (_n, v) => {
    const parts = {
      timestamp: v.timestamp,
      nonce: v.nonce,
      method: v.method,
      pathWithQuery: v.path,
      customer: v.customer,
      shopper: v.shopper,
      body: v.body,
    };
    expect(canonicalString(parts)).toBe(v.canonical);
    expect(signParts(v.secret, parts)).toBe(v.signature);
    if (v.shopperIp !== undefined && v.shopper) {
      expect(
        crypto
          .createHash("sha256")
          .update(v.shopperIp + v.shopperUserAgent + v.secret)
          .digest("hex"),
      ).toBe(v.shopper);
    }
  });
});

function deps(secrets: Record<string, string>, now: Date): VerifyDeps & { seen: Set<string> } {
  const seen = new Set<string>();
  return {
    now,
    seen,
    secretFor: async (id) => secrets[id] ?? null,
    rememberNonce: async (id, nonce) => {
      const k = `${id}:${nonce}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    },
  };
}

function signed(
  path: string,
  body: string,
  opts: { secret?: string; storeId?: string; now?: Date; method?: string } = {},
) {
  const method = opts.method ?? "POST";
  const headers = signedHeaders(opts.storeId ?? "st_1", opts.secret ?? "s3cret", {
    method,
    pathWithQuery: path,
    body,
    now: opts.now,
  });
  return new Request(`https://app.test${path}`, {
    method,
    headers,
    body: method === "GET" ? undefined : body,
  });
}

describe("verifyWooRequest", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const secrets = { st_1: "s3cret" };

  it("accepts a correctly signed request and returns the body, customer and shopper", async () => {
    const r = await verifyWooRequest(
      signed("/api/v1/woo/storefront/messages", '{"text":"hi"}', { now }),
      deps(secrets, now),
    );
    expect(r).toMatchObject({ ok: true, storeId: "st_1", body: '{"text":"hi"}', customer: null });
  });

  it("accepts every shared vector when its own clock and secret are used", async () => {
    for (const v of vectors) {
      const req = new Request(`https://app.test${v.path}`, {
        method: v.method.toUpperCase(),
        headers: {
          "X-TrulyBot-Store": v.storeId,
          "X-TrulyBot-Timestamp": v.timestamp,
          "X-TrulyBot-Nonce": v.nonce,
          "X-TrulyBot-Customer": v.customer,
          "X-TrulyBot-Shopper": v.shopper,
          "X-TrulyBot-Signature": v.signature,
        },
        body: v.method.toUpperCase() === "GET" ? undefined : v.body,
      });
      const r = await verifyWooRequest(
        req,
        deps({ [v.storeId]: v.secret }, new Date(Number(v.timestamp) * 1000)),
      );
      expect(r.ok, v.name).toBe(true);
    }
  });

  it("refuses a tampered body, path, customer or signature", async () => {
    const base = signed("/api/v1/woo/storefront/messages", '{"text":"hi"}', { now });
    const h = Object.fromEntries(base.headers);
    const variants = [
      new Request(base.url, { method: "POST", headers: h, body: '{"text":"HI"}' }),
      new Request("https://app.test/api/v1/woo/storefront/config", {
        method: "POST",
        headers: h,
        body: '{"text":"hi"}',
      }),
      new Request(base.url, {
        method: "POST",
        headers: { ...h, "x-trulybot-customer": "5" },
        body: '{"text":"hi"}',
      }),
      new Request(base.url, {
        method: "POST",
        headers: { ...h, "x-trulybot-signature": "0".repeat(64) },
        body: '{"text":"hi"}',
      }),
    ];
    for (const req of variants) {
      const r = await verifyWooRequest(req, deps(secrets, now));
      expect(r).toMatchObject({ ok: false, status: 401 });
    }
  });

  it("refuses requests more than 300 s old or in the future", async () => {
    for (const skew of [301, -301]) {
      const req = signed("/x", "", { now: new Date(now.getTime() - skew * 1000) });
      expect(await verifyWooRequest(req, deps(secrets, now))).toMatchObject({ ok: false, code: "expired" });
    }
    expect(
      (
        await verifyWooRequest(
          signed("/x", "", { now: new Date(now.getTime() - 299_000) }),
          deps(secrets, now),
        )
      ).ok,
    ).toBe(true);
  });

  it("refuses a replayed nonce, but an invalid signature cannot burn a nonce", async () => {
    const d = deps(secrets, now);
    const req = signed("/x", "{}", { now });
    const h = Object.fromEntries(req.headers);
    const forged = new Request(req.url, {
      method: "POST",
      headers: { ...h, "x-trulybot-signature": "f".repeat(64) },
      body: "{}",
    });
    expect((await verifyWooRequest(forged, d)).ok).toBe(false);
    expect((await verifyWooRequest(req, d)).ok).toBe(true);
    const replay = new Request(req.url, { method: "POST", headers: h, body: "{}" });
    expect(await verifyWooRequest(replay, d)).toMatchObject({ ok: false, code: "replayed" });
  });

  it("refuses unknown or disconnected stores and malformed headers", async () => {
    expect(
      await verifyWooRequest(signed("/x", "", { now, storeId: "st_gone" }), deps(secrets, now)),
    ).toMatchObject({ ok: false, code: "unknown_store" });
    const noHeaders = new Request("https://app.test/x", { method: "POST", body: "{}" });
    expect(await verifyWooRequest(noHeaders, deps(secrets, now))).toMatchObject({
      ok: false,
      status: 401,
      code: "missing_signature",
    });
    const base = Object.fromEntries(signed("/x", "", { now }).headers);
    for (const [k, v] of [
      ["x-trulybot-nonce", "short"],
      ["x-trulybot-timestamp", "soon"],
      ["x-trulybot-store", "../../etc"],
      ["x-trulybot-customer", "1; DROP TABLE"],
      ["x-trulybot-shopper", "not-a-hash"],
    ]) {
      const r = await verifyWooRequest(
        new Request("https://app.test/x", { method: "POST", headers: { ...base, [k]: v }, body: "" }),
        deps(secrets, now),
      );
      expect(r.ok).toBe(false);
    }
  });

  it("refuses oversized bodies with 413 before computing anything", async () => {
    const big = "x".repeat(70 * 1024);
    const r = await verifyWooRequest(signed("/x", big, { now }), deps(secrets, now));
    expect(r).toMatchObject({ ok: false, status: 413 });
  });
});
