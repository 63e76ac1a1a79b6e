/**
 * The production Prisma ChatRepository plus read-outs tests assert on (handoffs, lookups, events)
 * and a way to add merchant FAQ entries — all straight from the database.
 */
import type { Db } from "../../app/db.server";
import type {
  AnalyticsEventInput,
  ChatRepository,
  FaqEntryRecord,
  HandoffRecord,
  LookupAudit,
} from "../../app/chat/repository";
import { createPrismaChatRepository } from "../../app/chat/repository.server";

export interface TestChatRepository extends ChatRepository {
  /** the database under it (lookup limits, direct assertions) */
  readonly db: Db;
  /** every handoff request, oldest first */
  handoffs(): Promise<HandoffRecord[]>;
  /** every lookup audit record, oldest first */
  lookups(): Promise<LookupAudit[]>;
  /** every analytics event, oldest first */
  events(): Promise<AnalyticsEventInput[]>;
  addFaq(
    entry: Omit<FaqEntryRecord, "id" | "translations" | "enabled" | "position"> & Partial<FaqEntryRecord>,
  ): Promise<FaqEntryRecord>;
}

const ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

export function createTestChatRepository(db: Db): TestChatRepository {
  const repo = createPrismaChatRepository(db);
  return {
    ...repo,
    db,
    async handoffs() {
      const stores = await db.store.findMany({ select: { id: true } });
      const all = (await Promise.all(stores.map((s) => repo.listHandoffs(s.id)))).flat();
      return all.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    },
    async lookups() {
      const rows = await db.orderLookup.findMany({ orderBy: ORDER });
      return rows.map((r) => ({
        storeId: r.storeId,
        conversationId: r.conversationId,
        orderNumberHash: r.orderNumberHash,
        shopperKey: r.shopperKey,
        method: r.method as LookupAudit["method"],
        outcome: r.outcome as LookupAudit["outcome"],
        latencyMs: r.latencyMs,
        createdAt: r.createdAt,
      }));
    },
    async events() {
      const rows = await db.analyticsEvent.findMany({ orderBy: ORDER });
      return rows.map((r) => ({
        storeId: r.storeId,
        conversationId: r.conversationId,
        type: r.type as AnalyticsEventInput["type"],
        value: r.value,
        createdAt: r.createdAt,
      }));
    },
    async addFaq(entry) {
      const position = entry.position ?? (await db.faqEntry.count({ where: { storeId: entry.storeId } }));
      const r = await db.faqEntry.create({
        data: {
          ...(entry.id ? { id: entry.id } : {}),
          storeId: entry.storeId,
          question: entry.question,
          answer: entry.answer,
          translations: JSON.stringify(entry.translations ?? {}),
          enabled: entry.enabled ?? true,
          position,
        },
      });
      return {
        id: r.id,
        storeId: r.storeId,
        question: r.question,
        answer: r.answer,
        translations: entry.translations ?? {},
        enabled: r.enabled,
        position: r.position,
      };
    },
  };
}
