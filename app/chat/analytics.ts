/**
 * Key numbers for the merchant dashboard, from the repository's aggregate (summarize).
 */
import type { ChatRepository, StoreSummary } from "./repository";

export interface StoreKeyNumbers extends StoreSummary {
  /** share of order questions that ended in a verified lookup (0..1), null without order questions */
  verifiedRate: number | null;
  /** share of order-question conversations resolved without a human (0..1) */
  resolvedRate: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.min(1, a / b) : null);

export async function computeKeyNumbers(
  repo: ChatRepository,
  storeId: string,
  from: Date,
  to: Date,
): Promise<StoreKeyNumbers> {
  const s = await repo.summarize(storeId, from, to);
  return {
    ...s,
    verifiedRate: ratio(s.verifiedLookups, s.orderQuestions),
    resolvedRate: ratio(s.resolvedWithoutHuman, s.orderQuestions),
  };
}

/** The last `days` days up to `now` (default 30). */
export function periodEndingAt(now: Date, days = 30): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - days * 86_400_000), to: now };
}
