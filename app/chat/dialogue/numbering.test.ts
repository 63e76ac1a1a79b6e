/** Store-aware order numbers: the engine learns the store's numbering and understand() uses it. */
import { describe, expect, it } from "vitest";
import type { MessagesResponse, WidgetMessage } from "../../protocol";
import { demoWooContext, replyText } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { createMemoryAdapter, loadDemoWooAdapter } from "../../../test/support/memory-adapter";
import { forgetNumbering } from "./numbering";

const chat = useChatDatabase();

const orderOf = (r: MessagesResponse) =>
  r.messages.find((m): m is Extract<WidgetMessage, { type: "order" }> => m.type === "order") ?? null;

/** A young WooCommerce store: its orders are #14–#20 (the demo store's first seven, renumbered). */
async function smallWooStore(id: string, opts: { snapshots: boolean; customerId?: string | null }) {
  await chat.chat.seedStore(id, "woocommerce");
  forgetNumbering(id);
  const demo = loadDemoWooAdapter();
  const orders = demo.orders.slice(0, 7).map((o, i) => ({ ...o, number: String(14 + i) }));
  if (opts.snapshots)
    for (const o of orders)
      await chat.db.orderSnapshot.create({
        data: {
          storeId: id,
          orderId: o.id,
          orderNumber: o.number,
          status: o.status,
          lastEventAt: new Date(o.placedAt),
          lastTopic: "order.updated",
        },
      });
  const ctx = demoWooContext({ store: { id }, customerId: opts.customerId ?? null });
  ctx.adapter = createMemoryAdapter({ orders, store: demo.store, capabilities: demo.capabilities });
  return { ctx, orders };
}

describe("store-aware order numbers", () => {
  it('"has 18 shipped yet?" as the answer to "what\'s your order number?" is order #18 (no loop)', async () => {
    const { ctx, orders } = await smallWooStore("woo-young", { snapshots: true });
    const asked = await ctx.send("where is my order?");
    expect(asked.awaiting).toBe("order_number");
    const r = await ctx.send("has 18 shipped yet?");
    expect(r.awaiting).toBe("email_or_phone");
    expect(replyText(r)).toContain("order #18");
    expect(replyText(r)).not.toMatch(/what's your order number/i);
    const email = orders.find((o) => o.number === "18")!.contact.email!;
    const card = await ctx.send(email);
    expect(orderOf(card)?.order.number).toBe("18");
  });

  it('a click on "#18" in the bot\'s own order list shows that order (learned from the list)', async () => {
    const demo = loadDemoWooAdapter();
    const customerId = demo.orders[0]!.contact.customerId!;
    const { ctx, orders } = await smallWooStore("woo-list", { snapshots: false, customerId });
    const list = await ctx.send("show me my orders");
    const listed = list.messages.find((m) => m.type === "order_list");
    expect(listed && listed.type === "order_list" && listed.orders.map((o) => o.number)).toContain("19");
    const own = orders.filter((o) => o.contact.customerId === customerId).map((o) => o.number);
    const pick = own.find((n) => n !== "14") ?? own[0]!;
    const r = await ctx.send({ action: { type: "quick_reply", value: `order #${pick}` } });
    expect(orderOf(r)?.order.number).toBe(pick);
    expect(r.awaiting).toBeNull();
  });

  it('"did 19 ship?" as a first message is a question about order #19 at this store', async () => {
    const { ctx } = await smallWooStore("woo-first", { snapshots: true });
    const r = await ctx.send("did 19 ship?");
    expect(r.awaiting).toBe("email_or_phone");
    expect(replyText(r)).toContain("order #19");
  });

  it('"1010 Wien" (a postcode) is not taken as an order number', async () => {
    const { ctx } = await smallWooStore("woo-wien", { snapshots: true });
    await ctx.send("where is my order?");
    const r = await ctx.send("1010 Wien");
    expect(r.awaiting).toBe("order_number");
    expect(replyText(r)).not.toContain("#1010");
    expect(ctx.adapter.calls.filter((c) => c.method === "findOrder")).toHaveLength(0);
  });

  it("without known orders the generic numbering applies (a 4-digit number is an order number)", async () => {
    const { ctx } = await smallWooStore("woo-unknown", { snapshots: false });
    const r = await ctx.send("where is order 2001?");
    expect(r.awaiting).toBe("email_or_phone");
    expect(replyText(r)).toContain("#2001");
  });
});
