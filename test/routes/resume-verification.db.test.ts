/**
 * After the e-mail's resume link (ADR 0033), what the new browser may do with the order the
 * conversation verified, through the real engine and the WooCommerce emulator: a link mailed to the
 * order's own address keeps follow-ups and actions on that order; a link mailed to another address
 * keeps only what the history already shows — an action is checked against the store with the mailed
 * address and refused like a wrong e-mail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "@prisma/client";
import type { MessagesResponse } from "../../app/protocol";
import { storefrontMessages } from "../../app/storefront/turn.server";
import { exchangeResumeLink } from "../../app/storefront/resume.server";
import { resumeToken } from "../../app/storefront/resume-link.server";
import { startStorefrontWorld, type StorefrontWorld } from "../helpers/storefront";
import { texts } from "../support/self-service";

let world: StorefrontWorld;
let store: Store;

beforeAll(async () => {
  world = await startStorefrontWorld({ woo: true });
  store = (await world.db.store.findUnique({ where: { id: world.wooStore.id } }))!;
});
afterAll(() => world?.close());

/** A browser: its own shopper key, its conversation id and token. */
function browser(key: string) {
  const b = {
    conversationId: undefined as string | undefined,
    conversationToken: undefined as string | undefined,
  };
  const say = async (text: string) => {
    const res = await storefrontMessages(
      store,
      JSON.stringify({ text, ...b }),
      { key, customerId: null },
      world.db,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as MessagesResponse;
    if (body.conversationToken) b.conversationToken = body.conversationToken;
    b.conversationId = body.conversationId;
    return { text: texts(body), body };
  };
  return { b, say };
}

/** Verify order 2012 in a first browser, hand off with `handoffEmail`, and resume in a second one. */
async function verifiedThenResumed(handoffEmail: string) {
  const first = browser(`first-${Math.random()}`);
  await first.say("where is my order 2012?");
  const shown = await first.say("daan.devries@example.com");
  expect(shown.body.messages.some((m) => m.type === "order")).toBe(true);
  const id = first.b.conversationId!;
  await world.db.handoffRequest.create({
    data: {
      storeId: store.id,
      conversationId: id,
      email: handoffEmail,
      message: "hi",
      reason: "shopper_request",
    },
  });
  const conv = (await world.db.conversation.findUnique({ where: { id } }))!;
  const url = new URL(`https://trulybot.test/?resume=${resumeToken(conv, new Date())}`);
  const key = `second-${Math.random()}`;
  const res = await exchangeResumeLink(store, url, { key, customerId: null });
  expect(res.status).toBe(200);
  const body = (await res.json()) as MessagesResponse;
  const second = browser(key);
  second.b.conversationId = body.conversationId;
  second.b.conversationToken = body.conversationToken;
  return { first, second, id };
}

describe("the verified order after a resume link", () => {
  it("mailed to the order's own address: the follow-up and the action on that order work", async () => {
    const { second, id } = await verifiedThenResumed("daan.devries@example.com");
    const tracking = await second.say("can you send me the tracking link?");
    expect(second.b.conversationId).toBe(id);
    expect(tracking.text).toContain("LX304182752DE");
    const cancel = await second.say("can I cancel it?");
    expect(cancel.text).toMatch(/#2012/);
    expect(cancel.text).not.toMatch(/couldn't find|order number/i);
    expect(cancel.text).toContain("Ask the team to cancel #2012?"); // asked first, never assumed
    const yes = await second.say("yes");
    expect(yes.text).toContain("I've asked the team to cancel #2012");
  });

  it("mailed to another address: the action is refused like a wrong e-mail, nothing new is shown", async () => {
    const { first, second, id } = await verifiedThenResumed("someone-else@example.net");
    const cancel = await second.say("can I cancel it?");
    expect(second.b.conversationId).toBe(id);
    expect(cancel.text).toContain("I couldn't find an order #2012 with that email");
    expect(cancel.body.messages.some((m) => m.type === "order")).toBe(false);
    // the first browser's token no longer opens the conversation: it starts a new, unverified one
    const back = await first.say("and the tracking link?");
    expect(first.b.conversationId).not.toBe(id);
    expect(back.text).not.toContain("LX304182752DE");
  });
});
