/**
 * Secrets at rest: AES-256-GCM, random 12-byte IV, versioned keys.
 *
 * Envelope (a string safe for any text column):  tb1.<version>.<iv b64url>.<ciphertext b64url>.<tag b64url>
 * The key version is bound to the ciphertext as additional authenticated data (with a caller
 * "purpose" label), so a ciphertext cannot be re-labelled with another version or moved to another
 * field without failing authentication. Rotation: add a new key with a higher version to
 * ENCRYPTION_KEYS (newest first or any order), run `npm run keys:rotate`, then drop the old key.
 */
import crypto from "node:crypto";
import { createHmacFast } from "./hmac";

export interface VersionedKey {
  version: number;
  key: Buffer;
}

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

const PREFIX = "tb1";

function aad(version: number, purpose: string) {
  return Buffer.from(`${PREFIX}|v${version}|${purpose}`, "utf8");
}

export function newestKey(keys: VersionedKey[]): VersionedKey {
  if (keys.length === 0) throw new Error("no encryption keys configured");
  return keys.reduce((a, b) => (b.version > a.version ? b : a));
}

export function encrypt(plaintext: string, keys: VersionedKey[], purpose = "secret"): string {
  const { version, key } = newestKey(keys);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(version, purpose));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    PREFIX,
    String(version),
    iv.toString("base64url"),
    ct.toString("base64url"),
    tag.toString("base64url"),
  ].join(".");
}

export function envelopeVersion(envelope: string): number | null {
  const parts = envelope.split(".");
  if (parts.length !== 5 || parts[0] !== PREFIX || !/^\d+$/.test(parts[1])) return null;
  return Number(parts[1]);
}

export function decrypt(envelope: string, keys: VersionedKey[], purpose = "secret"): string {
  const parts = envelope.split(".");
  if (parts.length !== 5 || parts[0] !== PREFIX || !/^\d+$/.test(parts[1])) {
    throw new DecryptionError("not an encrypted value");
  }
  const version = Number(parts[1]);
  const entry = keys.find((k) => k.version === version);
  if (!entry) throw new DecryptionError(`no key with version ${version} is configured`);
  const iv = Buffer.from(parts[2], "base64url");
  const ct = Buffer.from(parts[3], "base64url");
  const tag = Buffer.from(parts[4], "base64url");
  if (iv.length !== 12 || tag.length !== 16) throw new DecryptionError("malformed encrypted value");
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", entry.key, iv);
    decipher.setAAD(aad(version, purpose));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("encrypted value failed authentication (tampered, or wrong key)");
  }
}

/** Re-encrypt under the newest key when the envelope uses an older one. Returns null when already current. */
export function reencrypt(envelope: string, keys: VersionedKey[], purpose = "secret"): string | null {
  const current = newestKey(keys).version;
  if (envelopeVersion(envelope) === current) return null;
  return encrypt(decrypt(envelope, keys, purpose), keys, purpose);
}

/** Keyed hash for audit records and lookups (no raw personal data stored). */
export function keyedHash(value: string, keys: VersionedKey[], label: string): string {
  // Uses the OLDEST key so hashes stay stable across rotations while that key is configured.
  const oldest = keys.reduce((a, b) => (b.version < a.version ? b : a));
  return createHmacFast("sha256", oldest.key).update(`${label}|${value}`).digest("hex");
}

export function sha256Hex(value: string | Buffer): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

export function timingSafeEqualHex(a: string, b: string): boolean {
  const ab = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  if (ab.length !== bb.length) {
    crypto.timingSafeEqual(ab, ab); // keep timing flat
    return false;
  }
  return crypto.timingSafeEqual(ab, bb);
}
