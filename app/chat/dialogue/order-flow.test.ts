/** Pipeline step "order flow": ask, verify (limits, audit, one failure reply), show. */
import { describe, expect, it } from "vitest";
import { PlatformUnavailableError } from "../../platforms/types";
import { demoShopifyContext, openTurn } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { runOrderFlow } from "./order-flow";
import { newFlow } from "./state";

useChatDatabase();
const flow = (o: Partial<ReturnType<typeof newFlow>>) => ({ ...newFlow("order_status"), ...o });
const texts = (t: { messages: { text?: string }[] }) => t.messages.map((m) => m.text ?? "").join("\n");

describe("runOrderFlow", () => {
  it("without a number: asks for it", async () => {
    const turn = await openTurn(demoShopifyContext(), { text: "where is my order?" });
    await runOrderFlow(turn, flow({}));
    expect(turn.state.awaiting).toBe("order_number");
    expect(turn.ctx.adapter).toBeDefined();
  });

  it("a number without a contact, as a guest: asks for the contact without calling the store", async () => {
    const ctx = demoShopifyContext();
    const turn = await openTurn(ctx, { text: "1002" });
    await runOrderFlow(turn, flow({ orderNumber: "1002" }));
    expect(turn.state.awaiting).toBe("email_or_phone");
    expect(ctx.adapter.calls.filter((c) => c.method === "findOrder")).toHaveLength(0);
  });

  it("number + the right email: the card, the verified order remembered, audit and event queued", async () => {
    const turn = await openTurn(demoShopifyContext(), { text: "x" });
    await runOrderFlow(turn, flow({ orderNumber: "1002", email: "MARCUS.REED@example.net " }));
    expect(turn.messages[0]?.type).toBe("order");
    expect(turn.state.lastVerified?.number).toBe("1002");
    expect(turn.patch.verified).toBe(true);
    expect(turn.effects.length).toBeGreaterThanOrEqual(2);
  });

  it("a wrong email: the one failure reply, counted against the limits", async () => {
    const turn = await openTurn(demoShopifyContext({ capabilities: { readAllOrders: true } }), { text: "x" });
    await runOrderFlow(turn, flow({ orderNumber: "1002", email: "nope@example.com" }));
    expect(texts(turn)).toContain("I couldn't find an order #1002 with that email.");
    expect(turn.state.offer).toBe("shopper_request");
    expect(turn.messages.some((m) => m.type === "order")).toBe(false);
  });

  it("an order older than the window without read_all_orders: the honest 60-day reply", async () => {
    const turn = await openTurn(demoShopifyContext(), { text: "x" });
    await runOrderFlow(turn, flow({ orderNumber: "1011", email: "grace.thompson@example.com" }));
    expect(texts(turn)).toContain("I can't find #1011 in the last 60 days of orders");
    expect(turn.state.offer).toBe("out_of_range");
  });

  it("an outage: the outage reply with a retry, never a throw", async () => {
    const ctx = demoShopifyContext();
    ctx.adapter.failNext(new PlatformUnavailableError("down", "timeout"));
    const turn = await openTurn(ctx, { text: "x" });
    await runOrderFlow(turn, flow({ orderNumber: "1002", email: "marcus.reed@example.net" }));
    expect(texts(turn)).toContain("I can't reach the store's order system right now");
    expect(turn.state.offer).toBe("outage");
  });

  it("order tracking switched off: says so, no lookup", async () => {
    const ctx = demoShopifyContext({ settings: { orderTracking: false } });
    const turn = await openTurn(ctx, { text: "x" });
    await runOrderFlow(turn, flow({ orderNumber: "1002", email: "marcus.reed@example.net" }));
    expect(ctx.adapter.calls).toHaveLength(0);
    expect(turn.state.flow).toBeNull();
  });
});
