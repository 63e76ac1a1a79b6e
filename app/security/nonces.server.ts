/** Replay protection: each (store, nonce) is accepted once while its signature window lasts. */
import { queryDirect, type Db } from "../db.server";

export async function rememberNonce(
  db: Db,
  storeId: string,
  nonce: string,
  ttlSeconds: number,
  now = new Date(),
): Promise<boolean> {
  // One statement straight to the driver (a storefront request's first): a repeat inserts nothing
  // and returns no row — the same answer as the unique-key violation, without an error to map.
  const inserted = await queryDirect(
    db,
    (p) =>
      `INSERT INTO "Nonce" ("storeId", "nonce", "expiresAt", "createdAt") ` +
      `VALUES (${p(storeId)}, ${p(nonce)}, ${p(new Date(now.getTime() + ttlSeconds * 1000))}, ${p(now)}) ` +
      `ON CONFLICT ("storeId", "nonce") DO NOTHING RETURNING "nonce"`,
  );
  if (inserted.length === 0) return false;
  // Opportunistic clean-up (about 1 request in 100) keeps the table small without a cron job.
  if (Math.random() < 0.01)
    await db.nonce.deleteMany({ where: { expiresAt: { lt: now } } }).catch(() => undefined);
  return true;
}
