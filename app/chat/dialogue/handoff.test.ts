/** Pipeline step "handoff": the form asks only for what is missing; the request is created after the commit. */
import { describe, expect, it } from "vitest";
import { demoShopifyContext, openTurn } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { startHandoff, submitHandoffForm } from "./handoff";
import { initialState } from "./state";

useChatDatabase();
const verified = {
  ...initialState(),
  lastVerified: {
    number: "1002",
    email: "marcus.reed@example.net",
    order: {
      number: "1002",
      status: "shipped" as const,
      placedAt: "2026-11-18T10:00:00Z",
      total: { amount: "10.00", currency: "USD" },
      items: [],
      shipments: [],
      statusPageUrl: null,
    },
  },
};

describe("handoff", () => {
  it("after verification the form asks only for the message", async () => {
    const turn = await openTurn(demoShopifyContext(), { text: "human" }, structuredClone(verified));
    startHandoff(turn, "shopper_request");
    const form = turn.messages[0];
    expect(form?.type === "handoff" && form.fields).toEqual(["message"]);
    expect(turn.state.handoff).toMatchObject({ email: "marcus.reed@example.net", orderNumber: "1002" });
  });

  it('submitting with email "" creates it with the verified email, queued until the commit', async () => {
    const turn = await openTurn(
      demoShopifyContext(),
      {},
      { ...structuredClone(verified), awaiting: "handoff_details" },
    );
    submitHandoffForm(turn, { email: "", message: "wrong size" });
    expect(turn.handoff).not.toBeNull();
    expect(turn.patch).toMatchObject({ status: "handed_off", outcome: "handoff" });
    expect(await turn.ctx.repo.listHandoffs(turn.ctx.store.id)).toHaveLength(0); // nothing written yet
    await turn.handoff!();
    expect((await turn.ctx.repo.listHandoffs(turn.ctx.store.id))[0]).toMatchObject({
      email: "marcus.reed@example.net",
      message: "wrong size",
    });
  });

  it("handoff switched off: points to the support email, no form", async () => {
    const turn = await openTurn(demoShopifyContext({ settings: { handoffEnabled: false } }), {});
    startHandoff(turn, "shopper_request");
    expect(turn.messages.map((m) => m.type)).toEqual(["text"]);
    expect(turn.state.awaiting).toBeNull();
  });
});

describe("the handoff reply tells the truth about email", () => {
  const submit = {
    type: "handoff_submit" as const,
    email: "ann@example.com",
    message: "Do you ship to Iceland?",
  };

  it("without mail set up (no notifier) the shopper is not promised a reply by email", async () => {
    const c = demoShopifyContext({ notifier: undefined });
    await c.send("I want to talk to a person");
    const r = await c.send({ action: submit });
    const text = r.messages.map((m) => ("text" in m ? m.text : "")).join("\n");
    expect(text).not.toMatch(/reply by email/i);
    expect(text).toContain("can answer you here in this chat");
    expect((await c.repo.handoffs())[0]?.notifiedAt).toBeNull();
  });

  it("with mail set up but no address to send to, neither", async () => {
    const sent: unknown[] = [];
    const c = demoShopifyContext({
      notifier: { notifyHandoff: async (n) => void sent.push(n) },
      settings: { handoffEmail: null },
      store: { supportEmail: null },
    });
    await c.send("I want to talk to a person");
    const r = await c.send({ action: submit });
    expect(r.messages.map((m) => ("text" in m ? m.text : "")).join("\n")).not.toMatch(/reply by email/i);
    expect(sent).toHaveLength(0);
  });

  it("with mail set up the shopper is told the team replies by email (in their language)", async () => {
    const c = demoShopifyContext({ notifier: { notifyHandoff: async () => undefined } });
    await c.send("Ich möchte mit einem Menschen sprechen");
    const r = await c.send({ action: submit });
    expect(r.messages.map((m) => ("text" in m ? m.text : "")).join("\n")).toContain(
      "Es antwortet dir per E-Mail an a***n@example.com",
    );
  });
});
