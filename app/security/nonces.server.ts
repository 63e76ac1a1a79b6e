/** Replay protection: each (store, nonce) is accepted once while its signature window lasts. */
import type { Db } from "../db.server";

export async function rememberNonce(
  db: Db,
  storeId: string,
  nonce: string,
  ttlSeconds: number,
  now = new Date(),
): Promise<boolean> {
  try {
    await db.nonce.create({
      data: { storeId, nonce, expiresAt: new Date(now.getTime() + ttlSeconds * 1000) },
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return false;
    throw e;
  }
  // Opportunistic clean-up (about 1 request in 100) keeps the table small without a cron job.
  if (Math.random() < 0.01)
    await db.nonce.deleteMany({ where: { expiresAt: { lt: now } } }).catch(() => undefined);
  return true;
}
