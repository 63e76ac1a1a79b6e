/**
 * Actions are asked, never assumed (issue 18): a cancel / return / address request on an order that the
 * flow verifies is proposed ("Start a return for #1009?") and filed only after a yes, with the shopper's
 * own words; a question ("can I cancel?") is answered and offered, never acted on; codes of the widget's
 * buttons never reach the transcript or the merchant's e-mail. Engine on the real Prisma repository.
 */
import { describe, expect, it } from "vitest";
import type { MessagesRequest, MessagesResponse } from "../../protocol";
import type { HandoffNotification } from "../notify";
import { merchantHandoffEmail } from "../notify.server";
import { demoShopifyContext, demoWooContext, replyText } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { DEMO_NOW } from "../../../test/support/memory-adapter";

useChatDatabase();
const chips = (r: MessagesResponse) =>
  r.messages.flatMap((m) => (m.type === "quick_replies" ? m.quickReplies : []));
const filedNow = (r: MessagesResponse) => r.messages.some((m) => m.type === "handoff" && !!m.handoffId);
const tap = (value: string): MessagesRequest => ({ action: { type: "quick_reply", value } });
const JURGEN = "juergen.mueller@example.net";

/** "I want to return #1009", then the email: the card and the proposal. */
async function returnProposed() {
  const c = demoShopifyContext();
  const first = await c.send("I want to return #1009");
  expect(first.awaiting).toBe("email_or_phone");
  const proposal = await c.send(JURGEN);
  return { c, proposal };
}

describe("a request on an order the flow verifies is asked first", () => {
  it('GIVEN "I want to return #1009" WHEN the email verifies it THEN the card and "Start a return for #1009?" with Yes / No, nothing filed', async () => {
    const { c, proposal } = await returnProposed();
    expect(proposal.messages.some((m) => m.type === "order")).toBe(true);
    expect(replyText(proposal)).toContain("Start a return for #1009?");
    expect(replyText(proposal)).not.toContain("I've asked the team");
    expect(chips(proposal).map((x) => x.value)).toEqual(["tb:confirm", "tb:decline"]);
    expect(filedNow(proposal)).toBe(false);
    expect(await c.repo.handoffs()).toHaveLength(0);
  });

  it("GIVEN WooCommerce WHEN a cancel request is verified THEN it is proposed too, nothing filed", async () => {
    const c = demoWooContext();
    await c.send("I want to cancel order 2001");
    const r = await c.send("lena.schmidt@example.com");
    expect(replyText(r)).toContain("Ask the team to cancel #2001?");
    expect(chips(r).map((x) => x.value)).toEqual(["tb:confirm", "tb:decline"]);
    expect(await c.repo.handoffs()).toHaveLength(0);
  });

  it.each([
    ["typed yes", "yes"],
    ["typed Yes please", "Yes please, go ahead"],
    ["tapped Yes", tap("tb:confirm")],
    ["Spanish sí", "sí"],
    ["German ja", "ja, bitte"],
    ["French oui", "oui"],
    ["Italian sì", "sì"],
    ["Portuguese sim", "sim"],
    ["Dutch graag", "graag"],
  ] as const)(
    "GIVEN the proposal WHEN the shopper answers %s THEN the request is filed with their original words",
    async (_what, answer) => {
      const { c } = await returnProposed();
      const yes = await c.send(answer);
      expect(replyText(yes)).toContain("I've asked the team about a return or refund for #1009");
      expect(filedNow(yes)).toBe(true);
      const [h, ...more] = await c.repo.handoffs();
      expect(more).toHaveLength(0);
      expect(h).toMatchObject({
        reason: "return_refund",
        orderNumber: "1009",
        email: JURGEN,
        message: "I want to return #1009",
      });
    },
  );

  it.each([
    ["typed no", "no"],
    ["tapped No", tap("tb:decline")],
    ["German nein", "nein danke"],
    ["French non", "non"],
  ] as const)(
    "GIVEN the proposal WHEN the shopper answers %s THEN the reply names the order and nothing is filed",
    async (_what, answer) => {
      const { c } = await returnProposed();
      const no = await c.send(answer);
      expect(replyText(no)).toContain("OK, I won't start anything for #1009");
      expect(filedNow(no)).toBe(false);
      await c.send("yes"); // the proposal is over: a late yes starts nothing
      expect(await c.repo.handoffs()).toHaveLength(0);
    },
  );

  it("GIVEN the proposal WHEN the shopper names another order THEN the proposal lapses and a later yes files nothing", async () => {
    const { c } = await returnProposed();
    const other = await c.send("where is order 1002? marcus.reed@example.net");
    expect(other.messages.some((m) => m.type === "order")).toBe(true);
    await c.send("yes");
    expect(await c.repo.handoffs()).toHaveLength(0);
  });

  it("GIVEN the proposal WHEN the shopper asks another question THEN it is answered, the proposal lapses", async () => {
    const { c } = await returnProposed();
    const q = await c.send("do you ship to Canada?");
    expect(replyText(q)).not.toContain("I've asked the team");
    await c.send("yes");
    expect(await c.repo.handoffs()).toHaveLength(0);
  });
});

describe("a question about an action is answered and offered, never acted on", () => {
  it('GIVEN "can I cancel my order 1001? alice.johnson@example.com" THEN the card, the policy and the offer — nothing filed', async () => {
    const c = demoShopifyContext();
    const r = await c.send("can I cancel my order 1001? alice.johnson@example.com");
    expect(r.messages.some((m) => m.type === "order")).toBe(true);
    expect(replyText(r)).toMatch(/cancelled free of charge until they ship/);
    expect(replyText(r)).toContain("Ask the team to cancel #1001?");
    expect(await c.repo.handoffs()).toHaveLength(0);
    await c.send(tap("tb:confirm"));
    expect((await c.repo.handoffs())[0]).toMatchObject({
      reason: "cancel_order",
      orderNumber: "1001",
      message: "can I cancel my order 1001? alice.johnson@example.com",
    });
  });

  it.each([
    ["can I cancel it?", "Ask the team to cancel #1001?"],
    ["is it possible to change the address?", "Ask the team to change the address on #1001?"],
    ["could I return it?", "Start a return for #1001?"],
  ])(
    "GIVEN the card of #1001 WHEN asked %j THEN the offer, with no number asked and nothing filed",
    async (question, offer) => {
      const c = demoShopifyContext();
      await c.send("order 1001 alice.johnson@example.com");
      const r = await c.send(question);
      expect(r.awaiting).toBeNull();
      expect(replyText(r)).toMatch(/^From the Demo Outfitters (returns|shipping) policy:/); // answered
      expect(replyText(r)).toContain(offer);
      expect(chips(r).map((x) => x.value)).toEqual(["tb:confirm", "tb:decline"]);
      expect(filedNow(r)).toBe(false);
      expect(await c.repo.handoffs()).toHaveLength(0);
    },
  );

  it.each([
    [
      "German",
      "Bestellung 1009 juergen.mueller@example.net",
      "kann ich stornieren?",
      "Das Team bitten, #1009 zu stornieren?",
    ],
    [
      "Spanish",
      "mi pedido 1009 juergen.mueller@example.net",
      "¿puedo devolverlo?",
      "¿Inicio una devolución para el #1009?",
    ],
    [
      "Italian",
      "il mio ordine 1009 juergen.mueller@example.net",
      "posso restituirlo?",
      "Avvio un reso per il #1009?",
    ],
  ])(
    "GIVEN a %s conversation (%j verified) WHEN asked %j THEN it is answered and offered in that language",
    async (_lang, verify, question, offer) => {
      const c = demoShopifyContext();
      await c.send(verify);
      const r = await c.send(question);
      expect(replyText(r)).toMatch(
        /^(Aus den Rückgabebedingungen|De la política de devoluciones|Dalla politica di reso)/,
      );
      expect(replyText(r)).toContain(offer);
      expect(filedNow(r)).toBe(false);
      expect(await c.repo.handoffs()).toHaveLength(0);
    },
  );

  it('GIVEN no order yet WHEN asked "can I cancel my order?" THEN nothing is filed, not even after the order is verified', async () => {
    const c = demoShopifyContext();
    const q = await c.send("can I cancel my order?");
    expect(filedNow(q)).toBe(false);
    await c.send("1001");
    const v = await c.send("alice.johnson@example.com");
    expect(replyText(v)).toContain("Ask the team to cancel #1001?");
    expect(await c.repo.handoffs()).toHaveLength(0);
  });
});

describe("the transcript shows what the shopper saw, never a button's code", () => {
  it("GIVEN taps on action buttons WHEN the conversation is handed off THEN the stored messages, the transcript and the merchant's e-mail show the labels", async () => {
    const sent: HandoffNotification[] = [];
    let clock = DEMO_NOW.getTime(); // a clock that moves, so the transcript reads in order
    const c = demoShopifyContext({
      now: () => new Date((clock += 1000)),
      notifier: {
        async notifyHandoff(n) {
          sent.push(n);
        },
      },
    });
    await c.send("order 1001 alice.johnson@example.com");
    await c.send(tap("tb:act_yes")); // a chip of an earlier proposal, tapped late
    await c.send(tap("tb:code_new"));
    await c.send(tap("tb:act_reason:size"));
    await c.send(tap("tb:gone_chip")); // a chip of an older widget the bot no longer knows
    await c.send("talk to a person");
    await c.send({ action: { type: "handoff_submit", email: "", message: "Please call me" } });
    const shopper = (await c.repo.listMessages(c.conversationId!))
      .filter((m) => m.role === "shopper")
      .map((m) => m.text);
    expect(shopper).toEqual(
      expect.arrayContaining(["Yes, do it", "Send a new code", "Wrong size", "Please call me"]),
    );
    expect(shopper.filter((t) => /^tb:(act|code)/.test(t ?? ""))).toEqual([]);
    const [h] = await c.repo.handoffs();
    const transcript = (h!.transcript as { text: string }[]).map((m) => m.text).join("\n");
    expect(transcript).toContain("Yes, do it");
    expect(transcript).not.toContain("tb:");
    expect(sent).toHaveLength(1);
    const mail = merchantHandoffEmail(sent[0]!, null).text;
    expect(mail).toContain("Shopper: Wrong size");
    expect(mail).not.toContain("tb:");
  });
});
