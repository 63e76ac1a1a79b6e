/** Reply builders: what the widget receives. */
import { describe, expect, it } from "vitest";
import { demoShopifyContext, openTurn } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { commandLabel, handoffForm, quickReplies, say } from "./replies";
import { initialState } from "./state";

useChatDatabase();

describe("reply builders", () => {
  it("GIVEN handoff switched off and a guest THEN chips for a person and 'my orders' are left out", async () => {
    const turn = await openTurn(demoShopifyContext({ settings: { handoffEnabled: false } }), { text: "hi" });
    quickReplies(turn, ["track", "myOrders", "human", "returns"]);
    const qr = turn.messages[0];
    expect(qr?.type === "quick_replies" && qr.quickReplies.map((q) => q.value)).toEqual([
      "tb:track",
      "tb:returns",
    ]);
  });

  it("GIVEN no chip is left THEN no message is sent", async () => {
    const turn = await openTurn(demoShopifyContext({ settings: { handoffEnabled: false } }), { text: "hi" });
    quickReplies(turn, ["human"]);
    expect(turn.messages).toEqual([]);
  });

  it("texts come from the catalogue in the conversation's language, with the store's name", async () => {
    const turn = await openTurn(demoShopifyContext(), { text: "hi" }, { ...initialState(), language: "de" });
    turn.lang = "de";
    say(turn, "policy_intro_returns");
    handoffForm(turn, "handoff_ask_message", ["message"]);
    expect(turn.messages.map((m) => m.type)).toEqual(["text", "handoff"]);
    expect(JSON.stringify(turn.messages)).toContain("Demo Outfitters");
    expect(new Set(turn.messages.map((m) => m.id)).size).toBe(2);
    expect(commandLabel(turn, "tb:track_another")).toBe("Andere Bestellung verfolgen");
    expect(commandLabel(turn, "tb:unknown")).toBeNull();
  });
});
