/**
 * The two storefront request verifiers under hostile input: Shopify's app-proxy signature
 * (verifyAppProxySignature) and the plugin's signature (verifyWooRequest). A correctly signed request
 * always passes — whatever unicode its parameters or body carry — and any change to a signed part, or
 * any random header/parameter soup, is refused without throwing and without consuming a nonce.
 */
import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signAppProxy, verifyAppProxySignature } from "../../app/platforms/shopify/proxy-signature";
import {
  signedHeaders,
  verifyWooRequest,
  type VerifyDeps,
} from "../../app/platforms/woocommerce/signature.server";
import { hostileString, runs } from "./arbitraries";

const SECRET = "hush-" + "s".repeat(27);
const NOW = 1_800_000_000;

const paramKey = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 12 })
  .filter((k) => !["signature", "timestamp", "shop"].includes(k));
const params = fc.array(fc.tuple(paramKey, hostileString(40)), { maxLength: 6 });

function signedQuery(extra: [string, string][]) {
  const q = new URLSearchParams();
  q.set("shop", "demo-outfitters.myshopify.com");
  q.set("timestamp", String(NOW));
  for (const [k, v] of extra) q.append(k, v);
  q.set("signature", signAppProxy(q, SECRET));
  return q;
}

describe("verifyAppProxySignature (Shopify app proxy)", () => {
  it("accepts every correctly signed query, whatever its parameters — also after a round trip through a URL", () => {
    fc.assert(
      fc.property(params, (extra) => {
        const q = signedQuery(extra);
        expect(verifyAppProxySignature(q, SECRET, NOW)).toEqual({ ok: true });
        const viaUrl = new URL(`https://x.test/proxy/messages?${q}`).searchParams;
        expect(verifyAppProxySignature(viaUrl, SECRET, NOW)).toEqual({ ok: true });
      }),
      runs(200),
    );
  });

  it("refuses any changed value, added parameter or wrong secret, and never throws", () => {
    fc.assert(
      fc.property(params, hostileString(20), fc.nat(), (extra, junk, pick) => {
        const q = signedQuery(extra);
        const keys = [...new Set([...q.keys()].filter((k) => k !== "signature"))];
        const k = keys[pick % keys.length];
        const changed = new URLSearchParams(q);
        const newValue = q.get(k)! + (junk || "x");
        changed.set(k, newValue);
        if (k !== "timestamp") expect(verifyAppProxySignature(changed, SECRET, NOW).ok).toBe(false);
        const added = new URLSearchParams(q);
        added.append(`zz${junk}`, "1");
        expect(verifyAppProxySignature(added, SECRET, NOW).ok).toBe(false);
        expect(verifyAppProxySignature(q, SECRET + "x", NOW).ok).toBe(false);
      }),
      runs(200),
    );
  });

  it("refuses random signatures, duplicated security parameters and stale timestamps without throwing", () => {
    fc.assert(
      fc.property(hostileString(80), fc.integer({ min: -1e6, max: 1e6 }), (sig, skew) => {
        const q = signedQuery([]);
        const forged = new URLSearchParams(q);
        forged.set("signature", sig);
        expect(verifyAppProxySignature(forged, SECRET, NOW).ok).toBe(false);
        const dup = new URLSearchParams(q);
        dup.append("signature", q.get("signature")!);
        expect(verifyAppProxySignature(dup, SECRET, NOW)).toEqual({ ok: false, reason: "duplicate" });
        const r = verifyAppProxySignature(q, SECRET, NOW + skew);
        expect(r.ok).toBe(Math.abs(skew) <= 90);
      }),
      runs(300),
    );
  });
});

function deps(secret = SECRET) {
  const seen = new Set<string>();
  const d: VerifyDeps & { consumed: number } = {
    now: new Date(NOW * 1000),
    consumed: 0,
    secretFor: async (id) => (id === "store_1" ? secret : null),
    rememberNonce: async (storeId, nonce) => {
      d.consumed++;
      const k = `${storeId}:${nonce}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    },
  };
  return d;
}

const wooPath = "/api/v1/woo/storefront/messages";
function wooRequest(body: string, over: Record<string, string> = {}, path = wooPath) {
  const headers = {
    ...signedHeaders("store_1", SECRET, {
      method: "POST",
      pathWithQuery: wooPath,
      body,
      customer: "42",
      shopper: "a".repeat(64),
      now: new Date(NOW * 1000),
    }),
    ...over,
  };
  return new Request(`https://app.test${path}`, { method: "POST", body, headers });
}

describe("verifyWooRequest (plugin → app)", () => {
  it("accepts every correctly signed request and returns its body byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString(500), async (text) => {
        const body = JSON.stringify({ text });
        const r = await verifyWooRequest(wooRequest(body), deps());
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.body).toBe(body);
          expect(r.customer).toBe("42");
        }
      }),
      runs(150),
    );
  });

  it("refuses a changed body, path, customer or shopper — and does not consume the nonce for it", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileString(100),
        fc.constantFrom("body", "path", "customer", "shopper"),
        async (text, part) => {
          const body = JSON.stringify({ text });
          const d = deps();
          const req =
            part === "body"
              ? wooRequest(body + " ")
              : part === "path"
                ? wooRequest(body, {}, wooPath + "?x=1")
                : part === "customer"
                  ? wooRequest(body, { "X-TrulyBot-Customer": "43" })
                  : wooRequest(body, { "X-TrulyBot-Shopper": "b".repeat(64) });
          // wooRequest signs the original body/path/customer/shopper; the request carries the changed one
          const r = await verifyWooRequest(part === "body" ? tamperedBody(body) : req, d);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.status).toBe(401);
          expect(d.consumed).toBe(0);
        },
      ),
      runs(150),
    );
  });

  it("never throws on random header values and never accepts them", async () => {
    const headerValue = hostileString(80).map((s) => s.replace(/[^\x20-\x7e]/g, "")); // what HTTP can carry
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          "X-TrulyBot-Store": fc.oneof(headerValue, fc.constant("store_1")),
          "X-TrulyBot-Timestamp": fc.oneof(headerValue, fc.constant(String(NOW))),
          "X-TrulyBot-Nonce": fc.oneof(headerValue, fc.constant("f".repeat(32))),
          "X-TrulyBot-Signature": fc.oneof(headerValue, fc.constant("0".repeat(64))),
          "X-TrulyBot-Customer": headerValue,
          "X-TrulyBot-Shopper": headerValue,
        }),
        async (h) => {
          const d = deps();
          const r = await verifyWooRequest(
            new Request(`https://app.test${wooPath}`, { method: "POST", body: "{}", headers: h }),
            d,
          );
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect([400, 401, 403, 413]).toContain(r.status);
            expect(r.code).toMatch(/^[a-z_]+$/);
          }
          expect(d.consumed).toBe(0);
        },
      ),
      runs(200),
    );
  });

  it("accepts a nonce once: a replay of the same signed request is refused", async () => {
    const d = deps();
    const headers = signedHeaders("store_1", SECRET, {
      method: "POST",
      pathWithQuery: wooPath,
      body: "{}",
      now: new Date(NOW * 1000),
    });
    const mk = () => new Request(`https://app.test${wooPath}`, { method: "POST", body: "{}", headers });
    expect((await verifyWooRequest(mk(), d)).ok).toBe(true);
    const again = await verifyWooRequest(mk(), d);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.code).toBe("replayed");
  });

  it("refuses a body over 64 KiB with 413 even when the Content-Length header lies", async () => {
    const big = "x".repeat(64 * 1024 + 1);
    const r = await verifyWooRequest(wooRequest(big), deps());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status).toBe(413);
  });
});

function tamperedBody(body: string) {
  const headers = signedHeaders("store_1", SECRET, {
    method: "POST",
    pathWithQuery: wooPath,
    body,
    customer: "42",
    shopper: "a".repeat(64),
    now: new Date(NOW * 1000),
    nonce: crypto.randomBytes(16).toString("hex"),
  });
  return new Request(`https://app.test${wooPath}`, { method: "POST", body: body + " ", headers });
}
