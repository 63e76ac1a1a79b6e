/** Pipeline step "commands": the widget's chips. */
import { describe, expect, it } from "vitest";
import { demoShopifyContext, openTurn, replyText } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { commandStep } from "./commands";
import { initialState, newFlow } from "./state";

useChatDatabase();
const text = (t: { messages: Parameters<typeof replyText>[0]["messages"] }) =>
  replyText({ conversationId: "", messages: t.messages, awaiting: null });

describe("commandStep", () => {
  it("'Track my order' from a logged-in customer lists her orders", async () => {
    const turn = await openTurn(demoShopifyContext({ customerId: "7700000000001" }), {});
    await commandStep(turn, "tb:track");
    expect(turn.messages.some((m) => m.type === "order_list")).toBe(true);
    expect(turn.patch).toMatchObject({ orderQuestion: true, verified: true });
  });

  it("'Try again' keeps the question (a cancel stays a cancel) and asks for the number", async () => {
    const state = {
      ...initialState(),
      flow: { ...newFlow("cancel_order"), orderNumber: "1001", email: "x@y.co" },
    };
    const turn = await openTurn(demoShopifyContext(), {}, state);
    await commandStep(turn, "tb:retry");
    expect(turn.state.awaiting).toBe("order_number");
    expect(turn.state.flow).toMatchObject({ intent: "cancel_order", orderNumber: null, email: null });
  });

  it("'Talk to a person' after a rate limit records that reason on the form", async () => {
    const turn = await openTurn(demoShopifyContext(), {}, { ...initialState(), offer: "rate_limited" });
    await commandStep(turn, "tb:human");
    expect(turn.state.handoff?.reason).toBe("rate_limited");
    expect(turn.state.awaiting).toBe("handoff_details");
  });

  it("an unknown command gets the menu", async () => {
    const turn = await openTurn(demoShopifyContext(), {});
    await commandStep(turn, "tb:nonsense");
    expect(text(turn)).toContain("Track my order");
  });
});
