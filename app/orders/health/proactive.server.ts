/**
 * GET {base}/proactive?conversationToken=… (both platforms): the note the launcher shows when one
 * of the shopper's orders is at risk — only for a shopper the store knows: the browser holding the
 * token of a conversation in which that order was verified, or a signed logged-in customer whose
 * order it is. Anyone else, a store with proactive notes off, or no order at risk: `{}` (the same
 * answer, so the endpoint reveals nothing about orders to an unverified browser).
 */
import type { Store } from "@prisma/client";
import { hashConversationToken } from "../../chat/conversation-token";
import { hashOrderNumber } from "../../chat/verification";
import { getDb, type Db } from "../../db.server";
import { formatMessage } from "../../i18n/format";
import { LANGUAGES, type Language } from "../../protocol";
import { plainId } from "../../platforms/mirror/rows.server";
import { hitRateLimit } from "../../security/rate-limit.server";
import { jsonError } from "../../storefront/errors.server";
import { hashForAudit } from "../../stores/secrets.server";
import type { NextStep, RiskReason } from "./rules";

export const PROACTIVE_LIMIT = { limit: 30, windowSeconds: 60 };
const TOKEN_RE = /^[A-Za-z0-9_-]{16,200}$/;

export interface ProactiveNote {
  /** stable per order and reason, so the widget shows a note once */
  id: string;
  orderNumber: string;
  reason: RiskReason;
  next: NextStep;
  language: Language;
  /** the launcher's short note */
  text: string;
  /** the panel's explanation and next step */
  explanation: string;
  nextStep: string;
}

type RiskRow = { orderNumber: string; riskReason: string | null; riskDetail: string | null };

async function knownRows(db: Db, store: Store, token: string | null, customerId: string | null) {
  const where = { storeId: store.id, riskReason: { not: null } };
  const select = { orderNumber: true, riskReason: true, riskDetail: true, riskSince: true };
  const rows: RiskRow[] = [];
  let language: string | null = null;
  if (token && TOKEN_RE.test(token)) {
    const conv = await db.conversation.findFirst({
      where: { storeId: store.id, tokenHash: hashConversationToken(token), verified: true },
      select: { id: true, language: true, customerId: true },
    });
    if (conv) {
      language = conv.language;
      const lookups = await db.orderLookup.findMany({
        where: { storeId: store.id, conversationId: conv.id, outcome: "verified" },
        select: { orderNumberHash: true },
      });
      const verified = new Set(lookups.map((l) => l.orderNumberHash));
      const auditKey = hashForAudit("audit-key", "engine");
      const atRisk = await db.orderMirror.findMany({
        where,
        select,
        orderBy: { riskSince: "desc" },
        take: 200,
      });
      rows.push(...atRisk.filter((r) => verified.has(hashOrderNumber(store.id, r.orderNumber, auditKey))));
      customerId ??= conv.customerId;
    }
  }
  if (customerId)
    rows.push(
      ...(await db.orderMirror.findMany({
        where: { ...where, customerId: plainId(customerId) },
        select,
        orderBy: { riskSince: "desc" },
        take: 5,
      })),
    );
  return { rows, language };
}

function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const c of candidates) {
    const l = (c ?? "").slice(0, 2).toLowerCase() as Language;
    if (LANGUAGES.includes(l)) return l;
  }
  return "en";
}

function etaText(eta: string | null, lang: Language, timeZone: string): string {
  const t = eta ? Date.parse(eta) : NaN;
  if (!Number.isFinite(t)) return "";
  return new Intl.DateTimeFormat(lang, { month: "short", day: "numeric", timeZone }).format(t);
}

export function noteFor(
  row: RiskRow,
  lang: Language,
  timeZone: string,
  wording: string | null,
): ProactiveNote {
  const reason = row.riskReason as RiskReason;
  let detail: { next?: NextStep; carrier?: string | null; eta?: string | null } = {};
  try {
    detail = JSON.parse(row.riskDetail ?? "{}") as typeof detail;
  } catch {
    // an unreadable detail still gives the note, with the generic words
  }
  const next: NextStep = detail.next ?? "talk_to_person";
  const carrier = detail.carrier || formatMessage(lang, "proactive", "the_carrier");
  const vars = { n: row.orderNumber, carrier, eta: etaText(detail.eta ?? null, lang, timeZone) };
  const own = wording?.trim();
  return {
    id: `${row.orderNumber}:${reason}`,
    orderNumber: row.orderNumber,
    reason,
    next,
    language: lang,
    text: own
      ? own.replaceAll("{n}", row.orderNumber).slice(0, 140)
      : formatMessage(lang, "proactive", `note_${reason}`, vars),
    explanation: formatMessage(lang, "proactive", `explain_${reason}`, vars),
    nextStep: formatMessage(lang, "proactive", `next_${next}`, vars),
  };
}

export async function proactiveNote(
  store: Store,
  url: URL,
  shopper: { key: string; customerId: string | null },
  now = new Date(),
): Promise<Response> {
  const db = await getDb();
  const rl = await hitRateLimit(
    db,
    `proactive:${store.id}:${shopper.key}`,
    PROACTIVE_LIMIT.limit,
    PROACTIVE_LIMIT.windowSeconds,
    now,
  );
  if (!rl.allowed)
    return jsonError(429, "rate_limited", "Too many requests.", {
      "Retry-After": String(rl.retryAfterSeconds),
    });
  const empty = () => Response.json({}, { headers: { "Cache-Control": "private, no-store" } });
  const settings = await db.botSettings.findUnique({ where: { storeId: store.id } });
  if (!settings?.proactive) return empty();
  const { rows, language } = await knownRows(
    db,
    store,
    url.searchParams.get("conversationToken"),
    shopper.customerId,
  );
  const row = rows[0];
  if (!row) return empty();
  const lang = pickLanguage(language, url.searchParams.get("lang"), store.locale);
  const note = noteFor(row, lang, store.timezone ?? "UTC", settings.proactiveNote);
  return Response.json({ note }, { headers: { "Cache-Control": "private, no-store" } });
}
