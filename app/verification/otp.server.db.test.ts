/** One-time codes on the real database: concurrency of tries, and offerCode's identical reply. */
import { newConversationToken } from "../chat/conversation-token";
import { describe, expect, it } from "vitest";
import { DEMO_NOW } from "../../test/emulators/shopify-admin/emulator";
import { codeFromMailbox, texts, type Shopper } from "../../test/support/self-service";
import { STORE, useShopifyActionsHarness } from "../../test/support/shopify-actions";
import { checkCode, createCode, CODE_MAX_TRIES } from "./otp.server";
import { offerCode } from "../chat/dialogue/actions";
import { offerStepUp } from "../chat/dialogue/step-up";
import { newTurn, type Turn } from "../chat/dialogue/turn";
import { initialState } from "../chat/dialogue/state";

const h = useShopifyActionsHarness();
const { chat, mailbox } = h;

/** A new conversation of the guest's, as the engine opens it (no turn yet). */
function openConversation(s: Shopper, over: { id?: string; tokenHash?: string; shopperKey?: string } = {}) {
  return s.ctx.repo.createConversation({
    storeId: STORE,
    shopperKey: "k",
    customerId: null,
    language: "en",
    state: initialState(),
    now: DEMO_NOW,
    ...over,
  });
}

/** Runs the turn's deferred effects (the code's mail, the stored code) as the engine does after replying. */
async function runEffects(turn: Turn) {
  for (const effect of turn.effects) await effect();
}

describe("one-time codes", () => {
  it("20 concurrent guesses are counted atomically: at most 5 are checked, the rest find the code locked", async () => {
    const deps = { db: chat.db, key: "k", now: () => DEMO_NOW };
    const input = { storeId: STORE, conversationId: "c1", orderNumber: "1001" };
    const code = await createCode(deps, input);
    const wrong = code === "999999" ? "000000" : "999999";
    const results = await Promise.all(
      Array.from({ length: 20 }, () => checkCode(deps, { ...input, code: wrong })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "wrong").length).toBeLessThanOrEqual(
      CODE_MAX_TRIES - 1,
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const row = await chat.db.oneTimeCode.findFirst({});
    expect(row!.attempts).toBe(CODE_MAX_TRIES);
    expect(await checkCode(deps, { ...input, code })).toEqual({ ok: false, reason: "locked" });
  });

  it("offerCode (the step-up path) answers the same whether or not the order exists, and mails only the order's email", async () => {
    const s = h.guest();
    const replies: string[] = [];
    for (const [i, n] of ["1001", "9999", "1001 "].entries()) {
      const conv = await openConversation(s, { id: `conv-${i}`, shopperKey: `k${i}` });
      const turn = newTurn(s.ctx, conv, initialState(), { text: "" });
      await offerCode(turn, n.trim());
      await runEffects(turn);
      replies.push(JSON.stringify(turn.messages.map((m) => ("text" in m ? m.text : null))));
    }
    await Promise.all(s.mailsPending.splice(0));
    expect(new Set(replies).size).toBe(1);
    expect(replies[0]).toContain("If that order exists, a code is on its way to the email on it.");
    expect(mailbox.mails.map((m) => m.to)).toEqual([
      ["alice.johnson@example.com"],
      ["alice.johnson@example.com"],
    ]);
  });

  it("step-up: after offerCode, the accepted code shows the order without number + email", async () => {
    const s = h.guest();
    const { token, tokenHash } = newConversationToken();
    const conv = await openConversation(s, { id: "conv-step-up", tokenHash });
    const turn = newTurn(s.ctx, conv, initialState(), { text: "" });
    await offerCode(turn, "1001");
    await s.ctx.repo.updateConversation(conv.id, conv.revision, { state: turn.state });
    await runEffects(turn);
    const code = await codeFromMailbox(mailbox.mails, "alice.johnson@example.com", s.mailsPending);
    s.conversationId = conv.id;
    s.conversationToken = token;
    const wrong = texts(await s.send(code === "123456" ? "654321" : "123456"));
    expect(wrong).toContain("That code isn't right.");
    const shown = await s.send(code);
    expect(texts(shown)).toContain("Thanks - that's confirmed.");
    expect(shown.messages.some((m) => m.type === "order" && m.order.number === "1001")).toBe(true);
  });

  it("step-up without mail (no SMTP_URL): no code is promised, a person is offered, no code is stored", async () => {
    const s = h.guest(undefined, { smtpUrl: null });
    const conv = await openConversation(s);
    const turn = newTurn(s.ctx, conv, initialState(), { text: "" });
    await offerStepUp(turn, "1001");
    await runEffects(turn);
    const said = turn.messages.map((m) => ("text" in m ? m.text : "")).join("\n");
    expect(said).toContain("For your security I need to confirm it's you");
    expect(said).not.toContain("a code is on its way");
    expect(await chat.db.oneTimeCode.count()).toBe(0);
    expect(mailbox.mails).toHaveLength(0);
  });
});
