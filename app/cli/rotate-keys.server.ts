import { getDb } from "../db.server";
import { encryptionKeys } from "../stores/secrets.server";
import { newestKey, reencrypt } from "../utils/crypto.server";
import {
  ACCESS_TOKEN_PURPOSE,
  REFRESH_TOKEN_PURPOSE,
  isSealed,
  sealSessionToken,
} from "../stores/session-storage.server";

type Failure = { storeId: string; field: string; error: string };

/** A stored value under the newest key: re-encrypted, sealed when still plaintext, or null when current. */
function underNewestKey(value: string, purpose: string, sealPlaintext: boolean): string | null {
  if (sealPlaintext && !isSealed(value)) return sealSessionToken(value, purpose);
  return reencrypt(value, encryptionKeys(), purpose);
}

/** Shopify sessions: access and refresh tokens (legacy plaintext rows are sealed on the way). */
async function rotateSessions(failures: Failure[]) {
  const db = await getDb();
  let changed = 0;
  let current = 0;
  const rows = await db.session.findMany({ select: { id: true, accessToken: true, refreshToken: true } });
  for (const row of rows) {
    const data: { accessToken?: string; refreshToken?: string } = {};
    for (const [field, purpose] of [
      ["accessToken", ACCESS_TOKEN_PURPOSE],
      ["refreshToken", REFRESH_TOKEN_PURPOSE],
    ] as const) {
      const value = row[field];
      if (!value) continue;
      try {
        const next = underNewestKey(value, purpose, true);
        if (next) {
          data[field] = next;
          changed++;
        } else current++;
      } catch (e) {
        failures.push({ storeId: `session:${row.id}`, field, error: (e as Error).message });
      }
    }
    if (Object.keys(data).length) await db.session.update({ where: { id: row.id }, data });
  }
  return { changed, current };
}

/** Re-encrypt every stored secret under the newest key. Safe to re-run. */
export async function rotateKeys() {
  const db = await getDb();
  const keys = encryptionKeys();
  const target = newestKey(keys).version;
  let rotated = 0;
  let current = 0;
  const failures: Failure[] = [];
  const stores = await db.store.findMany({
    select: { id: true, credentials: true, signingSecret: true, pendingSigningSecret: true },
  });
  for (const s of stores) {
    const data: { credentials?: string; signingSecret?: string; pendingSigningSecret?: string } = {};
    for (const [field, purpose] of [
      ["credentials", "store.credentials"],
      ["signingSecret", "store.signingSecret"],
      ["pendingSigningSecret", "store.signingSecret"],
    ] as const) {
      const value = s[field];
      if (!value) continue;
      try {
        const next = reencrypt(value, keys, purpose);
        if (next) {
          data[field] = next;
          rotated++;
        } else current++;
      } catch (e) {
        failures.push({ storeId: s.id, field, error: (e as Error).message });
      }
    }
    if (Object.keys(data).length) await db.store.update({ where: { id: s.id }, data });
  }
  const sessions = await rotateSessions(failures);
  return {
    ok: failures.length === 0,
    keyVersion: target,
    rotated: rotated + sessions.changed,
    alreadyCurrent: current + sessions.current,
    sessions: { rotated: sessions.changed, alreadyCurrent: sessions.current },
    failures,
  };
}
