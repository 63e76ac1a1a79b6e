/**
 * TEMPORARY stand-ins for modules other helpers are writing (understand/, faq.ts, orders/describe.ts).
 * Replaced by the real modules before release; nothing outside app/chat/engine.ts imports this.
 */
import type { NormalizedOrder, StorePolicies } from "../orders/types";
import type { Intent, Language, Understanding, WidgetOrder } from "./protocol";

export interface FaqEntry {
  id: string;
  question: string;
  answer: string;
  translations?: Record<string, { question?: string; answer?: string }>;
}
export interface FaqIndex {
  entries: FaqEntry[];
}
export type FaqMatcher = (text: string, lang: Language) => number;
export function buildFaqIndex(entries: FaqEntry[]): FaqIndex {
  return { entries };
}
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
export function searchFaq(index: FaqIndex, text: string, _lang: Language): { entry: FaqEntry; score: number } | null {
  const q = new Set(words(text));
  let best: { entry: FaqEntry; score: number } | null = null;
  for (const e of index.entries) {
    const w = words(e.question);
    const hit = w.filter((x) => q.has(x)).length / Math.max(1, w.length);
    if (hit >= 0.5 && (!best || hit > best.score)) best = { entry: e, score: hit };
  }
  return best;
}
export function faqMatcherFor(index: FaqIndex): FaqMatcher {
  return (text, lang) => searchFaq(index, text, lang)?.score ?? 0;
}

export function understand(text: string, opts: { locale?: string | null; faqMatcher?: FaqMatcher } = {}): Understanding {
  const s = text.toLowerCase();
  const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(text)?.[0] ?? null;
  const noEmail = email ? text.replace(email, " ") : text;
  const phoneM = /\+?\d[\d\s().-]{8,}\d/.exec(noEmail);
  const phone = phoneM && phoneM[0].replace(/\D/g, "").length >= 9 ? phoneM[0] : null;
  const rest = phone ? noEmail.replace(phone, " ") : noEmail;
  const num = /(?:#|order\s*(?:no\.?|number)?\s*#?|^|\s)(\d{3,8})\b/i.exec(rest);
  const orderNumber = num ? num[1]! : null;
  const negated = /\b(don'?t|do not|not)\b.*\b(cancel|return)/.test(s);
  let intent: Intent = "other";
  if (/\bcancel/.test(s) && !negated) intent = "cancel_order";
  else if (/\b(return policy|returns? policy|refund policy)/.test(s)) intent = "policy_returns";
  else if (/\b(return|refund)/.test(s) && !negated) intent = "return_refund";
  else if (/\b(address)/.test(s)) intent = "change_address";
  else if (/\b(shipping|delivery) (policy|cost|time)|\bship to\b|\bhow long does shipping/.test(s)) intent = "policy_shipping";
  else if (/\b(human|person|agent|someone)\b/.test(s)) intent = "human";
  else if (/\b(where|track|status|my orders?|package|parcel)\b/.test(s)) intent = "order_status";
  else if (/^(hi|hello|hey)\b/.test(s)) intent = "greeting";
  else if (/\b(thanks|thank you|bye)\b/.test(s)) intent = "thanks_bye";
  else if (opts.faqMatcher && opts.faqMatcher(text, "en") > 0) intent = "faq";
  const lang: Language = /\b(wo ist|meine bestellung|bestellung)\b/.test(s)
    ? "de"
    : /\b(dónde|pedido)\b/.test(s)
      ? "es"
      : ((opts.locale?.slice(0, 2) as Language) ?? "en");
  return { intent, confidence: intent === "other" ? 0.2 : 0.8, language: lang, entities: { orderNumber, email, phone }, negated };
}

export interface DescribeContext {
  lang: Language;
  timezone: string;
  now: Date;
  storeName: string;
  supportEmail: string | null;
  knowsDelivery: boolean;
  policies: StorePolicies;
}
export function describeOrder(order: NormalizedOrder, _ctx: DescribeContext): { text: string; nextStep?: string; statusLabel: string } {
  const ship = order.shipments.map((s) => `${s.carrier ?? ""} ${s.trackingNumber ?? ""}`.trim()).join(", ");
  return { text: `#${order.number}: ${order.status}${ship ? ` (${ship})` : ""}`, statusLabel: order.status };
}
export function toWidgetOrder(order: NormalizedOrder, _ctx: DescribeContext): WidgetOrder {
  return {
    number: order.number,
    status: order.status,
    placedAt: order.placedAt,
    total: order.total,
    items: order.items.map((i) => ({ title: i.title, quantity: i.quantity, variantTitle: i.variantTitle ?? null })),
    shipments: order.shipments.map((s) => ({
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: s.trackingUrl,
      status: s.status,
      estimatedDeliveryAt: s.estimatedDeliveryAt,
      deliveredAt: s.deliveredAt,
    })),
    statusPageUrl: order.statusPageUrl,
  };
}
export function describeOrderList(orders: NormalizedOrder[], _ctx: DescribeContext): { text: string } {
  return { text: orders.map((o) => `#${o.number}`).join(", ") };
}
