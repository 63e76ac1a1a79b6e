/** Encrypt/decrypt store secrets with the configured keys (app/utils/crypto.server.ts). */
import { decrypt, encrypt, keyedHash, type VersionedKey } from "../utils/crypto.server";
import { loadEnv } from "../env.server";

export function encryptionKeys(): VersionedKey[] {
  return loadEnv().ENCRYPTION_KEYS;
}

export function sealSecret(plaintext: string, purpose: string): string {
  return encrypt(plaintext, encryptionKeys(), purpose);
}

export function openSecret(envelope: string, purpose: string): string {
  return decrypt(envelope, encryptionKeys(), purpose);
}

/** Stable keyed hash (audit records, rate-limit keys): never stores the raw value. */
export function hashForAudit(value: string, label: string): string {
  return keyedHash(value, encryptionKeys(), label);
}
