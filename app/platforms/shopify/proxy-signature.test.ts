import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { signAppProxy, verifyAppProxySignature } from "./proxy-signature";

const fixture = JSON.parse(
  fs.readFileSync(
    new URL("../../../fixtures/shopify/app-proxy/signature-examples.json", import.meta.url),
    "utf8",
  ),
) as {
  shared_secret: string;
  vectors: { name: string; query: string; signature?: string; signed_message?: string; valid: boolean }[];
};
const DOC_TIME = 1317327555;

describe("Shopify app-proxy signature (Shopify's documented vectors)", () => {
  it.each(fixture.vectors.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    // The documented vectors repeat `extra`: the signature algorithm must reproduce Shopify's
    // signatures, and verification still refuses them because of the repeated parameter.
    if (v.valid) expect(signAppProxy(new URLSearchParams(v.query), fixture.shared_secret)).toBe(v.signature);
    const result = verifyAppProxySignature(new URLSearchParams(v.query), fixture.shared_secret, DOC_TIME);
    expect(result.ok).toBe(false);
    expect(result).toEqual({ ok: false, reason: v.valid ? "duplicate" : expect.any(String) });
    // without the repeat (re-signed), a valid vector verifies
    const single = new URLSearchParams(v.query.replace("extra=1&extra=2", "extra=1%2C2"));
    if (v.valid) {
      expect(signAppProxy(single, fixture.shared_secret)).toBe(v.signature); // same message
      expect(verifyAppProxySignature(single, fixture.shared_secret, DOC_TIME)).toEqual({ ok: true });
    }
  });

  it.each(["logged_in_customer_id", "path_prefix", "extra", "signature", "timestamp"])(
    "refuses a repeated %s even when the signature covers both values",
    (key) => {
      const q = new URLSearchParams(
        "shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fx&extra=1&timestamp=" +
          DOC_TIME,
      );
      q.append(key, key === "timestamp" ? String(DOC_TIME) : "2");
      q.set("signature", signAppProxy(q, fixture.shared_secret));
      if (key === "signature") q.append("signature", q.get("signature")!);
      expect(verifyAppProxySignature(q, fixture.shared_secret, DOC_TIME)).toEqual({
        ok: false,
        reason: "duplicate",
      });
    },
  );

  it("rejects an otherwise valid signature outside the 90 s window (expired / replay of an old URL)", () => {
    const q = new URLSearchParams(fixture.vectors[0].query.replace("extra=1&extra=2", "extra=1%2C2"));
    expect(verifyAppProxySignature(q, fixture.shared_secret, DOC_TIME + 91)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifyAppProxySignature(q, fixture.shared_secret, DOC_TIME - 91)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifyAppProxySignature(q, fixture.shared_secret, DOC_TIME + 89).ok).toBe(true);
  });

  it("rejects the wrong secret, a changed customer id, a duplicated shop and a missing signature", () => {
    const base = fixture.vectors[0].query.replace("extra=1&extra=2", "extra=1%2C2");
    expect(verifyAppProxySignature(new URLSearchParams(base), "not-hush", DOC_TIME).ok).toBe(false);
    expect(
      verifyAppProxySignature(
        new URLSearchParams(base.replace("logged_in_customer_id=1", "logged_in_customer_id=2")),
        fixture.shared_secret,
        DOC_TIME,
      ).ok,
    ).toBe(false);
    expect(
      verifyAppProxySignature(
        new URLSearchParams(base + "&shop=evil.myshopify.com"),
        fixture.shared_secret,
        DOC_TIME,
      ),
    ).toEqual({ ok: false, reason: "duplicate" });
    expect(
      verifyAppProxySignature(
        new URLSearchParams(base.replace(/&signature=[0-9a-f]+/, "")),
        fixture.shared_secret,
        DOC_TIME,
      ),
    ).toEqual({ ok: false, reason: "missing" });
    expect(
      verifyAppProxySignature(
        new URLSearchParams(base.replace(/signature=[0-9a-f]+/, "signature=zz")),
        fixture.shared_secret,
        DOC_TIME,
      ).ok,
    ).toBe(false);
  });
});
