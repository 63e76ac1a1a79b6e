import { describe, expect, it } from "vitest";
import { computeKeyNumbers, periodEndingAt } from "./analytics";
import { useChatDatabase } from "../../test/support/chat-database";

const chat = useChatDatabase();

describe("key numbers", () => {
  it("counts resolution without a human: no handoff and no repeat order question within 72 h", async () => {
    const repo = chat.repo;
    await chat.chat.seedStore("s");
    const t0 = new Date("2026-11-10T12:00:00Z");
    const at = (h: number) => new Date(t0.getTime() + h * 3600_000);
    const conv = async (key: string, h: number, handoff = false) => {
      const c = await repo.createConversation({
        storeId: "s",
        shopperKey: key,
        customerId: null,
        language: "en",
        state: {},
        now: at(h),
      });
      await repo.updateConversation(c.id, 0, { orderQuestion: true });
      await repo.recordEvent({
        storeId: "s",
        conversationId: c.id,
        type: "conversation_started",
        createdAt: at(h),
      });
      await repo.recordEvent({
        storeId: "s",
        conversationId: c.id,
        type: "order_question",
        createdAt: at(h),
      });
      await repo.recordEvent({
        storeId: "s",
        conversationId: c.id,
        type: "reply",
        value: 10 + h,
        createdAt: at(h),
      });
      if (handoff)
        await repo.recordEvent({
          storeId: "s",
          conversationId: c.id,
          type: "handoff_created",
          createdAt: at(h),
        });
    };
    await conv("a", 0); // resolved
    await conv("b", 0); // asked again 10 h later → not resolved
    await conv("b", 10); // resolved (no repeat after it)
    await conv("c", 1, true); // handed off
    await conv("d", 2); // repeat 80 h later: outside 72 h → resolved
    await conv("d", 82);
    const k = await computeKeyNumbers(repo, "s", at(-1), at(100));
    expect(k).toMatchObject({ conversations: 6, orderQuestions: 6, handoffs: 1, resolvedWithoutHuman: 4 });
    expect(k.resolvedRate).toBeCloseTo(4 / 6);
    // reply values 10, 10, 20, 11, 12, 92 → median of 11 and 12, rounded
    expect(k.medianReplyMs).toBe(12);
  });

  it("periods", () => {
    const p = periodEndingAt(new Date("2026-11-30T00:00:00Z"), 7);
    expect(p.from.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});
