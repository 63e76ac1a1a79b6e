/**
 * Store + webhook secret per store id, kept for a few seconds: a busy store sends many deliveries
 * a second, and each lookup costs two queries. A new secret drops the entry at once (same
 * process); a disconnect is seen within VERIFIER_TTL_MS.
 */
import type { Store } from "@prisma/client";

export interface Verifier {
  store: Store;
  secret: string | null;
  until: number;
}

export const VERIFIER_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const verifiers = new Map<string, Verifier>();

export function cachedVerifier(storeId: string): Verifier | null {
  const v = verifiers.get(storeId);
  return v && v.until > Date.now() ? v : null;
}

export function rememberVerifier(storeId: string, store: Store, secret: string | null): Verifier {
  if (verifiers.size >= MAX_ENTRIES) verifiers.clear();
  const v = { store, secret, until: Date.now() + VERIFIER_TTL_MS };
  verifiers.set(storeId, v);
  return v;
}

export function forgetVerifier(storeId: string) {
  verifiers.delete(storeId);
}
