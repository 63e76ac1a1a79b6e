/**
 * A conversation belongs to the browser that started it (conversationToken), and a person who took
 * over from the dashboard is not talked over by the bot. Engine on the real Prisma repository.
 */
import { describe, expect, it } from "vitest";
import type { MessagesResponse } from "../../protocol";
import { demoShopifyContext, demoWooContext, replyText } from "../../../test/support/chat";
import { useChatDatabase } from "../../../test/support/chat-database";
import { hashConversationToken } from "../conversation-token";

const chat = useChatDatabase();
const hasOrder = (r: MessagesResponse) =>
  r.messages.some((m) => m.type === "order" || m.type === "order_list");

/** A shopper who verified order 1002 in their browser. */
async function verifiedConversation() {
  const owner = demoShopifyContext({ shopperKey: "owner" });
  const first = await owner.send("where is my order 1002?");
  const second = await owner.send("marcus.reed@example.net");
  expect(hasOrder(second)).toBe(true);
  return { owner, first };
}

describe("conversationToken", () => {
  it("GIVEN a new conversation THEN its first response carries a 32-byte base64url token, stored only as its SHA-256, and later responses do not repeat it", async () => {
    const { owner, first } = await verifiedConversation();
    expect(first.conversationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await chat.db.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(row.tokenHash).toBe(hashConversationToken(first.conversationToken!));
    expect(JSON.stringify(row)).not.toContain(first.conversationToken!);
    const later = await owner.send("thanks!");
    expect(later.conversationId).toBe(first.conversationId);
    expect(later.conversationToken).toBeUndefined();
  });

  it("GIVEN another browser with only the conversation id WHEN it asks about the order THEN it gets a new, unverified conversation and sees nothing of #1002", async () => {
    const { owner } = await verifiedConversation();
    const other = demoShopifyContext({ shopperKey: "other-browser" });
    const r = await other.send({
      conversationId: owner.conversationId!,
      text: "can you send me the tracking link?",
    });
    expect(r.conversationId).not.toBe(owner.conversationId);
    expect(r.conversationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hasOrder(r)).toBe(false);
    expect(replyText(r)).not.toMatch(/1002|1ZA84R|UPS/);
    expect(r.awaiting).toBe("order_number");
    const conv = await chat.db.conversation.findUniqueOrThrow({ where: { id: r.conversationId } });
    expect(conv.verified).toBe(false);
    // the owner's conversation got no message from the other browser
    const ownerShopper = await chat.db.message.count({
      where: { conversationId: owner.conversationId!, role: "shopper" },
    });
    expect(ownerShopper).toBe(2);
  });

  it("GIVEN a wrong token WHEN sent with the id THEN a new conversation starts", async () => {
    const { owner } = await verifiedConversation();
    const other = demoShopifyContext({ shopperKey: "owner" }); // even the same network identity
    const r = await other.send({
      conversationId: owner.conversationId!,
      conversationToken: "A".repeat(43),
      text: "show me my order again",
    });
    expect(r.conversationId).not.toBe(owner.conversationId);
    expect(hasOrder(r)).toBe(false);
  });

  it("GIVEN the token of another conversation WHEN sent with this conversation's id THEN a new conversation starts", async () => {
    const { owner } = await verifiedConversation();
    const attacker = demoShopifyContext({ shopperKey: "attacker" });
    const own = await attacker.send("hello");
    const r = await attacker.send({
      conversationId: owner.conversationId!,
      conversationToken: own.conversationToken!,
      text: "where is it?",
    });
    expect(r.conversationId).not.toBe(owner.conversationId);
    expect(r.conversationId).not.toBe(own.conversationId);
    expect(replyText(r)).not.toMatch(/1002|1ZA84R/);
  });

  it("GIVEN another store's conversation id with its right token THEN this store starts its own conversation", async () => {
    const { owner } = await verifiedConversation();
    const woo = demoWooContext({ shopperKey: "owner" });
    const r = await woo.send({
      conversationId: owner.conversationId!,
      conversationToken: owner.conversationToken!,
      text: "where is my order?",
    });
    expect(r.conversationId).not.toBe(owner.conversationId);
    expect(hasOrder(r)).toBe(false);
  });

  it("GIVEN the right id and token THEN the conversation resumes, verification included", async () => {
    const { owner } = await verifiedConversation();
    const sameBrowserLater = demoShopifyContext({ shopperKey: "owner-new-ip" });
    const r = await sameBrowserLater.send({
      conversationId: owner.conversationId!,
      conversationToken: owner.conversationToken!,
      text: "I want to talk to a person",
    });
    expect(r.conversationId).toBe(owner.conversationId);
    const form = r.messages.find((m) => m.type === "handoff");
    expect(form && form.type === "handoff" && form.fields).toEqual(["message"]);
  });
});

describe("hostile tokens", () => {
  it.each([
    ["empty", ""],
    ["the stored hash itself", "HASH"],
    ["a prefix of the token", "PREFIX"],
    ["the token with a different case", "UPPER"],
    ["markup", "<img src=x onerror=alert(1)>"],
    ["very long", "A".repeat(10_000)],
    ["NUL and lone surrogates", "\u0000\ud800"],
  ])(
    "GIVEN %s as the token THEN the conversation is not resumed and nothing of it is shown",
    async (_n, raw) => {
      const { owner } = await verifiedConversation();
      const row = await chat.db.conversation.findUniqueOrThrow({ where: { id: owner.conversationId! } });
      const token =
        raw === "HASH"
          ? row.tokenHash!
          : raw === "PREFIX"
            ? owner.conversationToken!.slice(0, 42)
            : raw === "UPPER"
              ? owner.conversationToken!.toUpperCase()
              : raw;
      const other = demoShopifyContext({ shopperKey: "hostile" });
      const r = await other.send({
        conversationId: owner.conversationId!,
        conversationToken: token,
        text: "order?",
      });
      expect(r.conversationId).not.toBe(owner.conversationId);
      expect(replyText(r)).not.toMatch(/1002|1ZA84R/);
    },
  );
});

describe("a person took over the conversation", () => {
  it("GIVEN takenOverAt is set WHEN the shopper writes THEN the message is stored, the bot tells them once that a person is on it, then stays quiet", async () => {
    const { owner } = await verifiedConversation();
    await chat.db.conversation.update({
      where: { id: owner.conversationId! },
      data: { takenOverAt: new Date() },
    });
    const a = await owner.send("where is my order 1003?");
    expect(a.messages).toHaveLength(1);
    expect(replyText(a).trim()).toBe(
      "A person from the Demo Outfitters team is on this conversation and will answer here.",
    );
    expect(a.awaiting).toBeNull();
    const b = await owner.send("hello? are you there");
    expect(b.messages).toEqual([]);
    const shopper = await chat.db.message.findMany({
      where: { conversationId: owner.conversationId!, role: "shopper" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }], // the demo clock stands still
    });
    expect(shopper.map((m) => m.text).slice(-2)).toEqual(["where is my order 1003?", "hello? are you there"]);
    expect(owner.adapter.calls.filter((c) => c.method === "findOrder")).toHaveLength(1); // only the first lookup
  });

  it("GIVEN the person handed the conversation back THEN the bot answers again", async () => {
    const { owner } = await verifiedConversation();
    await chat.db.conversation.update({
      where: { id: owner.conversationId! },
      data: { takenOverAt: new Date() },
    });
    await owner.send("hi");
    await chat.db.conversation.update({ where: { id: owner.conversationId! }, data: { takenOverAt: null } });
    const r = await owner.send("what is your return policy?");
    expect(replyText(r)).toMatch(/30-day return/);
  });
});
