/**
 * Conversation retention: conversations (with their messages) whose last message is older than the
 * store's retention period are deleted, with their order-lookup audit rows and resolved handoffs.
 * Period: BotSettings.retentionDays, else CONVERSATION_RETENTION_DAYS (default 90 days).
 * Run by `npm run trulybot -- purge` and daily by the server (scheduleDailyPurge).
 */
import { forgetConversationsSelfService, purgeOldCodes } from "../actions/privacy.server";
import { getDb } from "../db.server";
import { DEFAULT_MIRROR_DAYS, purgeMirror } from "../platforms/mirror/rows.server";
import { loadEnv } from "../env.server";
import { logActivity } from "../stores/stores.server";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

export interface PurgeResult {
  stores: number;
  conversations: number;
  lookups: number;
  handoffs: number;
}

export function retentionDaysFor(settings: { retentionDays: number | null } | null | undefined): number {
  const days = settings?.retentionDays;
  return days != null && days >= 1 ? days : loadEnv().CONVERSATION_RETENTION_DAYS;
}

async function purgeStore(storeId: string, cutoff: Date) {
  const db = await getDb();
  let conversations = 0;
  for (;;) {
    const batch = await db.conversation.findMany({
      where: { storeId, lastMessageAt: { lt: cutoff } },
      select: { id: true },
      take: BATCH,
    });
    if (!batch.length) break;
    const ids = batch.map((c) => c.id);
    await db.$transaction([
      db.analyticsEvent.updateMany({
        where: { conversationId: { in: ids } },
        data: { conversationId: null },
      }),
      db.conversation.deleteMany({ where: { id: { in: ids } } }), // messages cascade
    ]);
    await forgetConversationsSelfService(db, ids);
    conversations += ids.length;
  }
  await purgeOldCodes(db, new Date());
  const lookups = await db.orderLookup.deleteMany({ where: { storeId, createdAt: { lt: cutoff } } });
  const handoffs = await db.handoffRequest.deleteMany({
    where: { storeId, status: "resolved", createdAt: { lt: cutoff } },
  });
  return { conversations, lookups: lookups.count, handoffs: handoffs.count };
}

/** Delete everything past each store's retention period. Safe to re-run. */
export async function purgeExpiredConversations(now: Date = new Date()): Promise<PurgeResult> {
  const db = await getDb();
  const stores = await db.store.findMany({
    select: { id: true, workspaceId: true, settings: { select: { retentionDays: true, mirrorDays: true } } },
  });
  const total: PurgeResult = { stores: 0, conversations: 0, lookups: 0, handoffs: 0 };
  for (const s of stores) {
    const days = retentionDaysFor(s.settings);
    const r = await purgeStore(s.id, new Date(now.getTime() - days * DAY_MS));
    // mirrored orders live no longer than the conversation retention nor the mirror window
    await purgeMirror(db, s.id, Math.min(days, s.settings?.mirrorDays ?? DEFAULT_MIRROR_DAYS), now);
    if (r.conversations + r.lookups + r.handoffs === 0) continue;
    total.stores++;
    total.conversations += r.conversations;
    total.lookups += r.lookups;
    total.handoffs += r.handoffs;
    await logActivity({
      workspaceId: s.workspaceId,
      storeId: s.id,
      actor: "system",
      action: "retention.purged",
      details: { retentionDays: days, ...r },
    });
  }
  return total;
}

/**
 * The server's daily purge: first run a minute after start, then every 24 h. Timers are unref'd
 * (they never keep the process alive); failures are logged and retried the next day.
 */
export function scheduleDailyPurge(opts: { firstRunMs?: number; everyMs?: number } = {}): () => void {
  const run = () => {
    purgeExpiredConversations().catch((e) => console.error("retention purge failed:", e));
  };
  const first = setTimeout(run, opts.firstRunMs ?? 60_000);
  const every = setInterval(run, opts.everyMs ?? DAY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
