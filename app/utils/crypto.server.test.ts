import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decrypt,
  DecryptionError,
  encrypt,
  envelopeVersion,
  reencrypt,
  type VersionedKey,
} from "./crypto.server";

const k1: VersionedKey = { version: 1, key: crypto.randomBytes(32) };
const k2: VersionedKey = { version: 2, key: crypto.randomBytes(32) };

describe("secrets at rest (AES-256-GCM, versioned keys)", () => {
  it("round-trips unicode secrets and uses a fresh 12-byte IV every time", () => {
    const secret = "cs_0123456789abcdef — ünïcødé 🔑";
    const a = encrypt(secret, [k1]);
    const b = encrypt(secret, [k1]);
    expect(a).not.toEqual(b);
    expect(Buffer.from(a.split(".")[2], "base64url")).toHaveLength(12);
    expect(decrypt(a, [k1])).toBe(secret);
    expect(decrypt(b, [k1])).toBe(secret);
    expect(a).not.toContain("cs_0123");
  });

  it("detects tampering with the ciphertext, the IV, the tag or the version label", () => {
    const env = encrypt("ck_secret", [k1, k2]);
    const parts = env.split(".");
    const flip = (s: string) => {
      const buf = Buffer.from(s, "base64url");
      buf[0] ^= 1;
      return buf.toString("base64url");
    };
    for (const i of [2, 3, 4]) {
      const t = [...parts];
      t[i] = flip(t[i]);
      expect(() => decrypt(t.join("."), [k1, k2])).toThrow(DecryptionError);
    }
    // relabel a v2 ciphertext as v1: authenticated version → rejected even though key 1 exists
    const relabelled = [parts[0], "1", parts[2], parts[3], parts[4]].join(".");
    expect(() => decrypt(relabelled, [k1, k2])).toThrow(DecryptionError);
    expect(() => decrypt("not-an-envelope", [k1])).toThrow(DecryptionError);
  });

  it("rejects the wrong key and a missing key version", () => {
    const env = encrypt("x", [k1]);
    expect(() => decrypt(env, [{ version: 1, key: crypto.randomBytes(32) }])).toThrow(
      /failed authentication/,
    );
    expect(() => decrypt(env, [k2])).toThrow(/no key with version 1/);
  });

  it("binds the purpose label: a secret copied to another field does not decrypt", () => {
    const env = encrypt("shared-secret", [k1], "store.signingSecret");
    expect(decrypt(env, [k1], "store.signingSecret")).toBe("shared-secret");
    expect(() => decrypt(env, [k1], "store.credentials")).toThrow(DecryptionError);
  });

  it("rotates: new values use the newest key, old ones re-encrypt under it", () => {
    const old = encrypt("rotate-me", [k1]);
    expect(envelopeVersion(old)).toBe(1);
    const keys = [k1, k2];
    expect(envelopeVersion(encrypt("n", keys))).toBe(2);
    const rotated = reencrypt(old, keys);
    expect(rotated).not.toBeNull();
    expect(envelopeVersion(rotated!)).toBe(2);
    expect(decrypt(rotated!, [k2])).toBe("rotate-me");
    expect(reencrypt(rotated!, keys)).toBeNull();
  });
});
