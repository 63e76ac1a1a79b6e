/**
 * Lookup limits in the engine (docs/security.md): reserved before the store is asked, verified lookups
 * give their reservation back, too many failures on an order switch it to step-up — never a lock.
 * Real parts: the production lookup guard over a real database, the demo store's real mapped orders.
 */
import { describe, expect, it } from "vitest";
import type { MessagesResponse } from "../../protocol";
import { handleTurn } from "../engine";
import { demoShopifyContext, replyText } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";

const chat = useChatDatabase();
const ALL = { capabilities: { readAllOrders: true } };
const hasOrder = (r: MessagesResponse) =>
  r.messages.some((m) => m.type === "order" || m.type === "order_list");
const storeCalls = (c: ReturnType<typeof demoShopifyContext>) =>
  c.adapter.calls.filter((x) => x.method === "findOrder").length;

describe("lookup limits and step-up in the engine", () => {
  it("5 wrong emails on an order, then the owner's right email → the step-up reply, not a lock", async () => {
    const attacker = demoShopifyContext({ ...ALL, shopperKey: "attacker" });
    for (let i = 0; i < 5; i++) {
      const r = await attacker.send(`order 1002 guess${i}@example.com`);
      expect(replyText(r)).toContain("I couldn't find an order #1002");
    }
    const owner = demoShopifyContext({ ...ALL, shopperKey: "owner" });
    const r = await owner.send("where is order 1002? my email is marcus.reed@example.net");
    expect(hasOrder(r)).toBe(false);
    expect(replyText(r)).toContain(
      "For your security I need to confirm it's you before I can show order #1002",
    );
    expect(replyText(r)).not.toMatch(/can't check more orders|locked/i);
    expect(storeCalls(owner)).toBe(0); // number + email alone no longer opens it
    // the owner can still reach a person, who sees why
    await owner.send({ action: { type: "quick_reply", value: "tb:human" } });
    await owner.send({
      action: { type: "handoff_submit", email: "marcus.reed@example.net", message: "where is my jacket?" },
    });
    expect((await chat.repo.handoffs()).map((h) => h.reason)).toEqual(["rate_limited"]);
    // the same reply for an order that does not exist once the store sees a wave is covered in engine.test
  });

  it("20 concurrent guesses from one shopper reach the store at most `limit` (5) times", async () => {
    const c = demoShopifyContext({ ...ALL, shopperKey: "burst" });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => handleTurn(c, { text: `order ${2000 + i} x${i}@example.com` })),
    );
    expect(storeCalls(c)).toBe(5);
    const limited = replies.filter((r) => /can't check more orders/.test(replyText(r)));
    expect(limited).toHaveLength(15);
  });

  it("verified lookups give their reservation back: the real shopper is never limited by successes", async () => {
    const c = demoShopifyContext({ ...ALL, shopperKey: "regular" });
    for (let i = 0; i < 8; i++) {
      const r = await c.send(`order 1003 alice.johnson@example.com`);
      expect(hasOrder(r), `lookup ${i + 1}`).toBe(true);
    }
  });

  it("a logged-in customer sees their own order even when guests are stepped up for it", async () => {
    for (let i = 0; i < 5; i++) {
      const g = demoShopifyContext({ ...ALL, shopperKey: `g${i}` });
      await g.send(`order 1003 wrong${i}@example.com`);
    }
    const guest = demoShopifyContext({ ...ALL, shopperKey: "g-late" });
    expect(replyText(await guest.send("order 1003 alice.johnson@example.com"))).toContain(
      "For your security",
    );
    const alice = demoShopifyContext({ ...ALL, customerId: "7700000000001", shopperKey: "alice" });
    const r = await alice.send("where is order 1003?");
    expect(hasOrder(r)).toBe(true);
  });

  it("a logged-in customer probing other people's orders is limited too (no store call past the limit)", async () => {
    const c = demoShopifyContext({ ...ALL, customerId: "7700000000001", shopperKey: "prober" });
    for (const n of ["1002", "1005", "1006", "1007", "1008"]) {
      const r = await c.send(`where is order ${n}?`);
      expect(replyText(r), n).toContain(`email address or phone number you used for order #${n}`);
    }
    const before = storeCalls(c);
    const r = await c.send("where is order 1009?");
    expect(storeCalls(c)).toBe(before);
    expect(replyText(r)).toMatch(/can't check more orders/);
    // rotating the browser does not help: the limit is on the account
    const other = demoShopifyContext({ ...ALL, customerId: "7700000000001", shopperKey: "prober-2" });
    expect(replyText(await other.send("where is order 1010?"))).toMatch(/can't check more orders/);
    expect(storeCalls(other)).toBe(0);
  });
});
