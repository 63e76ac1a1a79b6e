/**
 * The dashboard pages Conversations, Conversation and Handoffs render (server-side, as on first load) inside both shells
 * without React or Polaris warnings, and show the data a merchant needs.
 * Fixtures in test/support/dashboard-pages.ts.
 */
import { describe, expect, it } from "vitest";
import { collectConsoleProblems } from "../../../test/support/render-page";
import { SAMPLE_ORDER } from "../../../test/support/dashboard";
import { conversation, render, scope, text, transcriptMessage } from "../../../test/support/dashboard-pages";
import type { ConversationDetailData, ConversationsData, HandoffsData } from "../../dashboard/types";
import { ConversationDetailPage, ConversationsPage, HandoffsPage } from "./index";

collectConsoleProblems();

describe("dashboard pages", () => {
  it("Conversations: filters, rows linking to transcripts, pagination", async () => {
    const data: ConversationsData = {
      scope,
      filters: { store: "", from: "", to: "", outcome: "handoff", language: "", platform: "" },
      errors: { from: "Use a date like 2026-11-01" },
      page: 1,
      pageSize: 20,
      total: 21,
      hasNext: true,
      hasPrevious: false,
      rows: [
        {
          id: "c1",
          storeName: "Woo Outfitters",
          platform: "woocommerce",
          createdAt: "2026-11-20T10:00:00Z",
          lastMessageAt: "2026-11-20T10:01:00Z",
          language: "es",
          status: "closed",
          outcome: "handoff",
          orderQuestion: true,
          verified: true,
          messageCount: 4,
          preview: "dónde está a***e@example.com",
        },
      ],
    };
    const html = await render(<ConversationsPage data={data} />, "embedded", "/app/conversations");
    const t = text(html);
    expect(html).toContain('href="/app/conversations/c1"');
    expect(t).toContain("Handed off");
    expect(t).toContain("Use a date like 2026-11-01");
    expect(t).toContain("1–1 of 21");
  });

  it("Conversation: transcript with the order card", async () => {
    const data: ConversationDetailData = {
      conversation: conversation({ orderQuestion: true, verified: true }),
      live: {
        takenOverAt: null,
        shopperHere: false,
        shopperEmail: "a***e@example.com",
        mailConfigured: true,
      },
      handoff: null,
      messages: [
        transcriptMessage({
          id: "m1",
          role: "shopper",
          text: "order 1003, a***e@example.com",
          createdAt: "2026-11-20T10:00:00Z",
        }),
        transcriptMessage({
          id: "m2",
          role: "bot",
          type: "order",
          text: "On its way.",
          createdAt: "2026-11-20T10:00:01Z",
          order: SAMPLE_ORDER,
          quickReplies: ["Track it"],
        }),
      ],
    };
    const t = text(await render(<ConversationDetailPage data={data} />));
    expect(t).toContain("Order #1003");
    expect(t).toContain("Shipped");
    expect(t).toContain("1Z999AA10123456784");
    expect(t).toContain("a***e@example.com");
    expect(t).toContain("Track it");
    // live handoff: the merchant can take over and reply; the form carries the CSRF field
    expect(t).toContain("Shopper has left the chat");
    expect(t).toContain("your reply is also e-mailed to a***e@example.com");
    const html = await render(<ConversationDetailPage data={data} />);
    expect(html).toContain('name="intent" value="take_over"');
    expect(html).toContain('name="csrf" value="csrf-token-123"');
    expect(text(html)).toContain("Take over and send");
  });

  it("Conversation taken over: agent replies labelled, hand back offered", async () => {
    const data: ConversationDetailData = {
      conversation: conversation({
        id: "c2",
        storeName: "Demo Outfitters",
        platform: "shopify",
        status: "handed_off",
        outcome: "handoff",
      }),
      live: {
        takenOverAt: "2026-11-20T10:02:00Z",
        shopperHere: true,
        shopperEmail: null,
        mailConfigured: false,
      },
      handoff: null,
      messages: [
        transcriptMessage({ id: "m1", role: "shopper", text: "hello?", createdAt: "2026-11-20T10:00:00Z" }),
        transcriptMessage({
          id: "m2",
          role: "agent",
          text: "Hi, Sam here",
          createdAt: "2026-11-20T10:02:00Z",
        }),
      ],
    };
    const html = await render(<ConversationDetailPage data={data} />, "embedded", "/app/conversations/c2");
    const t = text(html);
    expect(t).toContain("You (store)");
    expect(t).toContain("Hi, Sam here");
    expect(t).toContain("Shopper is in the chat");
    expect(t).toContain("Hand back to the bot");
    expect(html).not.toContain('name="csrf"');
  });

  it("Handoffs: open request with order context and a resolve button", async () => {
    const data: HandoffsData = {
      scope,
      openCount: 1,
      handoffs: [
        {
          id: "h1",
          storeName: "Woo Outfitters",
          platform: "woocommerce",
          status: "open",
          reason: "cancel_order",
          email: "carol@example.com",
          message: "Please cancel",
          orderNumber: "1003",
          order: SAMPLE_ORDER,
          conversationId: "c1",
          createdAt: "2026-11-20T10:00:00Z",
          resolvedAt: null,
        },
      ],
    };
    const html = await render(<HandoffsPage data={data} />);
    const t = text(html);
    expect(t).toContain("1 open");
    expect(t).toContain("Wants to cancel an order · order #1003");
    expect(t).toContain("Mark resolved");
    expect(html).toContain('href="mailto:carol@example.com"');
    expect(html).toContain('name="intent" value="resolve"');
    expect(t).toContain("Reply in the chat");
    expect(html).toContain('href="/dashboard/conversations/c1"');
    expect(t).toContain("Woo Outfitters (WooCommerce)");
  });
});
