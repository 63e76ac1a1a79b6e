/**
 * Self-service on Shopify, end to end over real parts: the Admin emulator (documents validated against
 * the 2026-01 schema), the real adapter, a real SMTP server the code is read from, the Prisma repository.
 * The one-time codes, and turns that try to skip them; the set-up is test/support/shopify-actions.ts.
 */
import { describe, expect, it } from "vitest";
import { DEMO_NOW } from "../../test/emulators/shopify-admin/emulator";
import { chip, YES, codeFromMailbox, setRule, shopifyAdapter, texts } from "../../test/support/self-service";
import { useShopifyActionsHarness, ALICE, STORE } from "../../test/support/shopify-actions";

const h = useShopifyActionsHarness();
const { chat, mailbox, mutations, guest } = h;

describe("one-time codes", () => {
  it("counts wrong codes (5 tries), then asks for a new code; the old code is useless", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    const code = await codeFromMailbox(mailbox.mails, ALICE, s.mailsPending);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(texts(await s.send(wrong))).toContain("That code isn't right. 4 tries left.");
    for (let i = 0; i < 3; i++) await s.send(wrong);
    expect(texts(await s.send(wrong))).toContain("That code has expired or was used up.");
    const r = texts(await s.send(code));
    expect(r).not.toContain("Cancel order #1001");
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
  });

  it("expires after 10 minutes", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    const code = await codeFromMailbox(mailbox.mails, ALICE, s.mailsPending);
    h.clock = new Date(DEMO_NOW.getTime() + 10 * 60_000 + 1000);
    expect(texts(await s.send(code))).toContain("That code has expired or was used up.");
  });

  it("is bound to its conversation: typed in another one it verifies nothing", async () => {
    await setRule(chat.db, STORE, "cancel");
    const owner = guest();
    await owner.send("cancel order 1001");
    await owner.send(ALICE);
    const code = await codeFromMailbox(mailbox.mails, ALICE, owner.mailsPending);
    const other = guest(shopifyAdapter(h.e), { shopperKey: "attacker" });
    await other.send("cancel order 1001");
    await other.send(ALICE);
    await Promise.all(other.mailsPending.splice(0));
    expect(texts(await other.send(code))).toContain("That code isn't right.");
  });

  it("limits sends per order: after 3 codes in an hour the shopper is told to wait", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    const chipNew = { action: { type: "quick_reply" as const, value: "tb:code_new" } };
    await s.send(chipNew);
    await s.send(chipNew);
    expect(texts(await s.send(chipNew))).toContain("I've sent several codes already.");
    await Promise.all(s.mailsPending.splice(0));
    expect(mailbox.mails).toHaveLength(3);
  });

  it("step-up: an attacker using up an order's code mails from other networks cannot keep its owner from a code", async () => {
    const ask = (email: string) => `where is my order #1001? ${email}`;
    // 5 wrong emails on #1001 (5 browsers in one network): the order now needs a code
    for (let i = 0; i < 5; i++)
      await guest(shopifyAdapter(h.e), { shopperKey: `guesser-${i}`, networkKey: "guess-net" }).send(
        ask(`guess${i}@attacker.example`),
      );
    for (let n = 0; n < 3; n++) {
      const a = guest(shopifyAdapter(h.e), { shopperKey: `attacker-${n}`, networkKey: `attack-net-${n}` });
      for (let i = 0; i < 3; i++)
        expect(texts(await a.send(ask(`x${i}@attacker.example`)))).toContain(
          "If that order exists, a code is on its way",
        );
      expect(texts(await a.send(ask("y@attacker.example")))).toContain("I've sent several codes already.");
      await Promise.all(a.mailsPending.splice(0));
    }
    // the nuisance is bounded (3 mails per attacker network), and every mail went to the order's email
    expect(mailbox.mails).toHaveLength(9);
    expect(mailbox.mails.every((m) => m.to.includes(ALICE))).toBe(true);
    const owner = guest(shopifyAdapter(h.e), { shopperKey: "owner", networkKey: "home-net" });
    expect(texts(await owner.send(ask(ALICE)))).toContain("If that order exists, a code is on its way");
    await Promise.all(owner.mailsPending.splice(0));
    expect(mailbox.mails).toHaveLength(10);
    const code = await codeFromMailbox(mailbox.mails, ALICE, owner.mailsPending);
    const shown = await owner.send(code);
    expect(texts(shown)).toContain("Thanks - that's confirmed.");
    expect(shown.messages.some((m) => m.type === "order")).toBe(true);
  });

  it("stores only hashes", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    const code = await codeFromMailbox(mailbox.mails, ALICE, s.mailsPending);
    const rows = await chat.db.oneTimeCode.findMany({});
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain("1001");
  });
});

describe("hostile turns", () => {
  it("forged confirm and reason chips without a proposal change nothing", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    for (const v of ["tb:act_yes", "tb:act_reason:../../x", "tb:code_new", "tb:act_no"]) {
      const r = texts(await s.send(chip(v)));
      expect(r).not.toContain("Done");
    }
    await s.send("cancel order 1001");
    await s.send(ALICE);
    // the code step is pending: a confirm before the code is not a confirm
    expect(texts(await s.send(YES))).not.toContain("Done");
    expect(texts(await s.send(chip("tb:act_reason:size")))).not.toContain("Done");
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
    expect(await chat.db.orderAction.count()).toBe(0);
  });

  it("number + the order's email alone never reaches a summary, whatever is typed next", async () => {
    await setRule(chat.db, STORE, "cancel");
    const s = guest();
    await s.send("cancel order 1001");
    await s.send(ALICE);
    for (const t of ["yes", "confirm", "123 456", "000000", ALICE, "cancel order 1001"]) {
      const r = texts(await s.send(t));
      expect(r).not.toContain("Cancel order #1001 (");
    }
    expect(mutations("TrulyBotOrderCancel")).toBe(0);
  });
});
