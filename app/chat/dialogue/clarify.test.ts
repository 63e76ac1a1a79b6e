/** Calibrated confidence: below ASK_THRESHOLD the bot asks which of the two likely intents is meant. */
import { describe, expect, it } from "vitest";
import type { MessagesResponse } from "../../protocol";
import { demoShopifyContext, openTurn, replyText } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { understand } from "../understand/index";
import { askToClarify, clarifyChoices } from "./clarify";
import { initialState } from "./state";

useChatDatabase();
// a short question the model honestly cannot place: the returns policy, or a return of an order?
const AMBIGUOUS = "returns?";
const chips = (r: MessagesResponse) =>
  r.messages.flatMap((m) => (m.type === "quick_replies" ? m.quickReplies : []));

describe("asking when the intent is unsure", () => {
  it("the model is unsure about this message (a precondition of the tests below)", () => {
    const u = understand(AMBIGUOUS);
    expect(u.confidence).toBeLessThan(0.55);
    expect(u.alternatives.map((a) => a.intent)).toEqual(["return_refund", "policy_returns"]);
  });

  it("asks one short question with the two likely intents as quick replies", async () => {
    const c = demoShopifyContext();
    const r = await c.send(AMBIGUOUS);
    expect(replyText(r)).toContain("Just to be sure: do you want to return an order or ask about returns?");
    expect(chips(r)).toEqual([
      { label: "Return an order", value: "tb:intent:return_refund" },
      { label: "Ask about returns", value: "tb:intent:policy_returns" },
    ]);
    expect(replyText(r)).not.toContain("I can track an order, answer questions"); // not the generic fallback
    expect(c.adapter.calls.filter((x) => x.method === "findOrder")).toHaveLength(0);
  });

  it('a click on "Ask about returns" answers from the returns policy', async () => {
    const c = demoShopifyContext();
    await c.send(AMBIGUOUS);
    const r = await c.send({ action: { type: "quick_reply", value: "tb:intent:policy_returns" } });
    expect(replyText(r)).toContain("From the Demo Outfitters returns policy:");
    expect(replyText(r)).toContain("We have a 30-day return policy"); // the part asked about
    const stored = await c.repo.listMessages(c.conversationId!);
    expect(stored.filter((m) => m.role === "shopper").map((m) => m.text)).toEqual([
      AMBIGUOUS,
      "Ask about returns",
    ]);
  });

  it('a click on "Return an order" starts the return (asks for the order number)', async () => {
    const c = demoShopifyContext();
    await c.send(AMBIGUOUS);
    const r = await c.send({ action: { type: "quick_reply", value: "tb:intent:return_refund" } });
    expect(r.awaiting).toBe("order_number");
    expect(replyText(r)).toMatch(/order number/);
  });

  it("a forged choice the bot cannot offer is not followed", async () => {
    const c = demoShopifyContext({ settings: { handoffEnabled: false } });
    const r = await c.send({ action: { type: "quick_reply", value: "tb:intent:human" } });
    expect(await c.repo.handoffs()).toHaveLength(0);
    expect(r.messages.some((m) => m.type === "handoff")).toBe(false);
    const junk = await c.send({ action: { type: "quick_reply", value: "tb:intent:__proto__" } });
    expect(replyText(junk)).toContain("I can track an order");
  });

  it("asks in the conversation's language", async () => {
    const turn = await openTurn(demoShopifyContext(), { text: "x" }, { ...initialState(), language: "de" });
    turn.lang = "de";
    turn.understanding = { ...understand(AMBIGUOUS), language: "de" };
    const choices = clarifyChoices(turn)!;
    askToClarify(turn, choices);
    const m = turn.messages[0]!;
    expect(m.type === "quick_replies" && m.text).toBe(
      "Nur zur Sicherheit: Möchtest du eine Bestellung zurücksenden oder etwas zu Rücksendungen fragen?",
    );
    expect(m.type === "quick_replies" && m.quickReplies.map((q) => q.label)).toEqual([
      "Eine Bestellung zurücksenden",
      "Etwas zu Rücksendungen fragen",
    ]);
  });

  it("a confident message is answered without a question", async () => {
    const c = demoShopifyContext();
    const r = await c.send("what is your return policy?");
    expect(replyText(r)).toContain("30-day return policy");
    expect(chips(r).some((q) => q.value.startsWith("tb:intent:"))).toBe(false);
  });
});
