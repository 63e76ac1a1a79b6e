/**
 * Self-service rows carry personal data (addresses in before/after) and have no foreign key to the
 * conversation: they go with the conversations that retention, customers/redact and shop/redact delete.
 */
import type { Db } from "../db.server";

export async function forgetConversationsSelfService(db: Db, conversationIds: string[]): Promise<void> {
  if (!conversationIds.length) return;
  await db.orderAction.deleteMany({ where: { conversationId: { in: conversationIds } } });
  await db.oneTimeCode.deleteMany({ where: { conversationId: { in: conversationIds } } });
}

export async function forgetStoreSelfService(db: Db, storeId: string): Promise<void> {
  await db.orderAction.deleteMany({ where: { storeId } });
  await db.oneTimeCode.deleteMany({ where: { storeId } });
  await db.actionRule.deleteMany({ where: { storeId } });
}

/** Used-up and expired codes older than a day are of no use to anyone. */
export async function purgeOldCodes(db: Db, now: Date): Promise<number> {
  const r = await db.oneTimeCode.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  return r.count;
}
