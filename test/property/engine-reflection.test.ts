/**
 * Markup in the shopper's text is never reflected where it could render or act: replies are JSON
 * text (the widget renders with textContent), but the engine must still not copy untrusted text into
 * quick-reply values (sent back as actions), URLs or ids, and must not echo raw markup at all.
 * Engine on the real Prisma repository (a throw-away database) with the demo adapters; several turns per conversation so
 * slot-filling states (awaiting order number / email, handoff) see the hostile text too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoShopifyContext, demoWooContext } from "../support/chat";
import { useChatDatabase } from "../support/chat-database";
import type { MessagesResponse } from "../../app/protocol";
import { HTML_PAYLOADS, hostileString, runs } from "./arbitraries";

useChatDatabase();

const MARKUP = /<\s*\/?\s*(script|img|svg|iframe)|onerror\s*=|onload\s*=|javascript:/i;

function checkResponse(res: MessagesResponse) {
  expect(res.conversationId).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  for (const m of res.messages) {
    expect(m.role).toBe("bot");
    expect(m.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const serialized = JSON.stringify(m);
    expect(serialized).not.toMatch(MARKUP);
    if (m.type === "quick_replies")
      for (const q of m.quickReplies) {
        // values are the engine's own tokens (tb:…) or things it verified (an order number), never free text
        expect(q.value).toMatch(/^[A-Za-z0-9:_#.@+-]{1,200}$/);
        expect(q.label).not.toMatch(MARKUP);
      }
    if (m.type === "order" || m.type === "order_list") {
      const orders = m.type === "order" ? [m.order] : m.orders;
      for (const o of orders)
        for (const s of o.shipments ?? []) if (s.trackingUrl) expect(s.trackingUrl).toMatch(/^https:\/\//);
    }
  }
}

describe("the engine never reflects untrusted markup", () => {
  it("GIVEN random hostile text over three turns WHEN the engine replies THEN no reply carries the markup, and quick-reply values are the engine's own", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("shopify", "woo"),
        fc.array(fc.oneof(hostileString(300), fc.constantFrom(...HTML_PAYLOADS)), {
          minLength: 1,
          maxLength: 3,
        }),
        async (platform, texts) => {
          const ctx = platform === "shopify" ? demoShopifyContext() : demoWooContext();
          for (const t of texts) {
            if (t.trim() === "" || t.length > 1000) continue;
            checkResponse(await ctx.send(t));
          }
        },
      ),
      runs(120),
    );
  }, 120_000); // 120 conversations on a real database, on a shared CI machine

  it.each(HTML_PAYLOADS)(
    "GIVEN %s inside an order question, a handoff and a quick-reply value THEN nothing of it comes back",
    async (payload) => {
      const ctx = demoShopifyContext();
      checkResponse(await ctx.send(`where is my order #1002 ${payload}`));
      checkResponse(await ctx.send(`${payload}@example.net`));
      checkResponse(await ctx.send("talk to a person"));
      checkResponse(
        await ctx.send({ action: { type: "handoff_submit", email: "a@example.com", message: payload } }),
      );
      checkResponse(await ctx.send({ action: { type: "quick_reply", value: payload } }));
    },
  );
});
