/** FAQ entries: list, create, edit, delete (with per-language translations) and "test a question". */
import { buildFaqIndex, searchFaq, type FaqEntry } from "../chat/faq";
import { LANGUAGES, MAX_TEXT_LENGTH, type Language } from "../protocol";
import { ASK_THRESHOLD, learnNumbering, understand } from "../chat/understand/index";
import { parseLanguages } from "../storefront/config.server";
import { currentStore, formString, storeBrief, type DashboardCtx } from "./context.server";
import type { ActionResult, FaqData, FaqEntryData, FaqTestResult, FieldErrors } from "./types";

/** The score at which understand() treats a question as answered by the FAQ. */
export const FAQ_ANSWER_THRESHOLD = 0.5;
/** how many of the questions the bot could not answer the FAQ page lists */
export const UNANSWERED_SHOWN = 50;

function parseTranslations(json: string): Record<string, { question: string; answer: string }> {
  try {
    const v = JSON.parse(json) as Record<string, { question?: unknown; answer?: unknown }>;
    const out: Record<string, { question: string; answer: string }> = {};
    for (const [lang, t] of Object.entries(v ?? {})) {
      if (
        (LANGUAGES as readonly string[]).includes(lang) &&
        t &&
        typeof t.question === "string" &&
        typeof t.answer === "string"
      ) {
        out[lang] = { question: t.question, answer: t.answer };
      }
    }
    return out;
  } catch {
    return {};
  }
}

export async function loadFaq(ctx: DashboardCtx): Promise<FaqData> {
  const store = await currentStore(ctx);
  const [rows, settings, unanswered] = await Promise.all([
    ctx.db.faqEntry.findMany({
      where: { storeId: store.id },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    }),
    ctx.db.botSettings.findUnique({ where: { storeId: store.id } }),
    ctx.db.unansweredQuestion.findMany({
      where: { storeId: store.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: UNANSWERED_SHOWN,
    }),
  ]);
  const langs = parseLanguages(settings?.languages);
  return {
    store: storeBrief(store),
    languages: langs.length ? langs : ["en"],
    entries: rows.map((r): FaqEntryData => ({
      id: r.id,
      question: r.question,
      answer: r.answer,
      enabled: r.enabled,
      translations: parseTranslations(r.translations),
      updatedAt: r.updatedAt.toISOString(),
    })),
    unanswered: unanswered.map((q) => ({
      id: q.id,
      text: q.text,
      language: q.language,
      createdAt: q.createdAt.toISOString(),
    })),
  };
}

interface FaqFormValues {
  question: string;
  answer: string;
  enabled: boolean;
  translations: Record<string, { question: string; answer: string }>;
}

export function validateFaqForm(
  form: FormData,
): { ok: true; values: FaqFormValues } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const question = formString(form, "question").trim();
  const answer = formString(form, "answer").trim();
  if (question.length < 3) errors.question = "Write the question shoppers ask (at least 3 characters)";
  else if (question.length > 300) errors.question = "Keep the question under 300 characters";
  if (!answer) errors.answer = "Write the answer the bot gives";
  else if (answer.length > 2000) errors.answer = "Keep the answer under 2,000 characters";
  const translations: FaqFormValues["translations"] = {};
  for (const lang of LANGUAGES) {
    const q = formString(form, `tr.${lang}.question`).trim();
    const a = formString(form, `tr.${lang}.answer`).trim();
    if (!q && !a) continue;
    if (!q) errors[`tr.${lang}.question`] = "Add the translated question too, or clear the answer";
    else if (q.length > 300) errors[`tr.${lang}.question`] = "Keep the question under 300 characters";
    if (!a) errors[`tr.${lang}.answer`] = "Add the translated answer too, or clear the question";
    else if (a.length > 2000) errors[`tr.${lang}.answer`] = "Keep the answer under 2,000 characters";
    translations[lang] = { question: q, answer: a };
  }
  const en = formString(form, "enabled");
  const enabled = en === "" ? true : en === "on" || en === "true" || en === "1";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, values: { question, answer, enabled, translations } };
}

export type FaqActionResult = ActionResult & {
  status: number;
  intent: string;
  test?: FaqTestResult;
  entryId?: string;
};

async function entriesFor(ctx: DashboardCtx, storeId: string): Promise<FaqEntry[]> {
  const rows = await ctx.db.faqEntry.findMany({ where: { storeId }, orderBy: { position: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    answer: r.answer,
    enabled: r.enabled,
    translations: parseTranslations(r.translations) as FaqEntry["translations"],
  }));
}

export async function testFaqQuestion(
  ctx: DashboardCtx,
  storeId: string,
  text: string,
): Promise<FaqTestResult> {
  const [entries, recent] = await Promise.all([
    entriesFor(ctx, storeId),
    ctx.db.orderSnapshot.findMany({
      where: { storeId, orderNumber: { not: null } },
      orderBy: { lastEventAt: "desc" },
      take: 200,
      select: { orderNumber: true },
    }),
  ]);
  const index = buildFaqIndex(entries);
  const faqMatcher = (t: string, l: Language) => searchFaq(index, t, l)[0]?.score ?? 0;
  // the store's own order numbering, as the bot uses it (a new Woo store's "#18" is an order)
  const orderNumbering = learnNumbering(recent.map((r) => r.orderNumber));
  const u = understand(text.slice(0, MAX_TEXT_LENGTH), { faqMatcher, orderNumbering });
  const alts = u.alternatives.map((a) => (a.intent === "tracking" ? "order_status" : a.intent));
  const best = searchFaq(index, text, u.language)[0] ?? null;
  return {
    text,
    intent: u.intent,
    confidence: Math.round(Math.max(0, Math.min(1, u.confidence || 0)) * 100) / 100,
    language: u.language,
    entities: {
      orderNumber: u.entities.orderNumber ?? null,
      email: u.entities.email ?? null,
      phone: u.entities.phone ?? null,
    },
    wouldAsk:
      u.confidence < ASK_THRESHOLD && alts.length === 2 && alts[0] !== alts[1] ? [alts[0]!, alts[1]!] : null,
    match: best
      ? {
          id: best.entry.id,
          question: best.question,
          answer: best.answer,
          score: best.score,
          answered: best.score >= FAQ_ANSWER_THRESHOLD,
        }
      : null,
  };
}

export async function faqAction(ctx: DashboardCtx, form: FormData): Promise<FaqActionResult> {
  const store = await currentStore(ctx);
  const intent = formString(form, "intent");
  const db = ctx.db;
  const bump = () =>
    db.botSettings.updateMany({ where: { storeId: store.id }, data: { version: { increment: 1 } } });

  if (intent === "test") {
    const text = formString(form, "text").trim();
    if (!text) return { ok: false, status: 400, intent, errors: { text: "Type a question to test" } };
    if (text.length > MAX_TEXT_LENGTH)
      return {
        ok: false,
        status: 400,
        intent,
        errors: { text: `Keep it under ${MAX_TEXT_LENGTH} characters` },
      };
    return { ok: true, status: 200, intent, test: await testFaqQuestion(ctx, store.id, text) };
  }

  if (intent === "create" || intent === "update") {
    const v = validateFaqForm(form);
    if (!v.ok)
      return {
        ok: false,
        status: 400,
        intent,
        errors: v.errors,
        entryId: formString(form, "id") || undefined,
      };
    const data = {
      question: v.values.question,
      answer: v.values.answer,
      enabled: v.values.enabled,
      translations: JSON.stringify(v.values.translations),
    };
    if (intent === "create") {
      const last = await db.faqEntry.findFirst({
        where: { storeId: store.id },
        orderBy: { position: "desc" },
        select: { position: true },
      });
      const row = await db.faqEntry.create({
        data: { storeId: store.id, position: (last?.position ?? -1) + 1, ...data },
      });
      await bump();
      return { ok: true, status: 200, intent, entryId: row.id, message: "FAQ entry added" };
    }
    const id = formString(form, "id");
    const res = await db.faqEntry.updateMany({ where: { id, storeId: store.id }, data });
    if (res.count !== 1)
      return { ok: false, status: 404, intent, message: "That FAQ entry no longer exists." };
    await bump();
    return { ok: true, status: 200, intent, entryId: id, message: "FAQ entry saved" };
  }

  if (intent === "delete") {
    const id = formString(form, "id");
    const res = await db.faqEntry.deleteMany({ where: { id, storeId: store.id } });
    if (res.count !== 1)
      return { ok: false, status: 404, intent, message: "That FAQ entry no longer exists." };
    await bump();
    return { ok: true, status: 200, intent, message: "FAQ entry deleted" };
  }

  return { ok: false, status: 400, intent, message: "Unknown action." };
}
