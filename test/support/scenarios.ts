/**
 * Shared steps of the demo script tests (app/chat/scenarios-*.test.ts): ask "where is my order #N", give the
 * email (or phone), and check the key facts of the expected answer and the order card.
 */
import { expect } from "vitest";
import type { WidgetMessage, WidgetOrder } from "../../app/protocol";
import { replyText, type DemoContext } from "./chat";

export type Row = {
  n: string;
  contact: string;
  facts: (string | RegExp)[];
  not?: RegExp[];
  /** carrier + tracking number + link host expected on the card */
  card?: { carrier: string; tracking: string; url: RegExp }[];
};

export function orderMessage(messages: WidgetMessage[]): { text: string; order: WidgetOrder } | null {
  const m = messages.find((x) => x.type === "order");
  return m && m.type === "order" ? m : null;
}

export async function askAndVerify(ctx: DemoContext, row: Row) {
  const first = await ctx.send(`where is my order #${row.n}`);
  expect(first.awaiting).toBe("email_or_phone");
  expect(orderMessage(first.messages)).toBeNull();
  expect(replyText(first)).not.toMatch(/shipped|delivered|tracking number/i);
  return ctx.send(row.contact);
}

export function checkRow(res: Awaited<ReturnType<typeof askAndVerify>>, row: Row) {
  const om = orderMessage(res.messages);
  expect(om, `order card for #${row.n}`).not.toBeNull();
  expect(om!.order.number).toBe(row.n);
  for (const f of row.facts) {
    if (typeof f === "string") expect(om!.text, `#${row.n}`).toContain(f);
    else expect(om!.text, `#${row.n}`).toMatch(f);
  }
  for (const bad of row.not ?? []) expect(om!.text, `#${row.n}`).not.toMatch(bad);
  for (const c of row.card ?? []) {
    const s = om!.order.shipments.find((x) => x.trackingNumber === c.tracking);
    expect(s, `shipment ${c.tracking} on #${row.n}`).toBeTruthy();
    expect(s!.carrier).toBe(c.carrier);
    expect(s!.trackingUrl).toMatch(c.url);
  }
  expect(res.awaiting).toBeNull();
  // no personal data of the order in the reply
  const all = replyText(res) + JSON.stringify(om!.order);
  expect(all).not.toMatch(/@example\.(com|net)/i);
  expect(all).not.toMatch(/555[-\s]?01\d\d/);
}
