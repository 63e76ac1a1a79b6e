/**
 * Every dashboard page renders (server-side, as on first load) inside both shells without React or
 * Polaris warnings, and shows the data a merchant needs.
 */
import { describe, expect, it } from "vitest";
import type { ReactElement } from "react";
import { collectConsoleProblems, renderPage, type Shell } from "../../../test/support/render-page";
import { SAMPLE_ORDER } from "../../../test/support/dashboard";
import type {
  ConversationDetailData,
  ConversationsData,
  FaqData,
  HandoffsData,
  HomeData,
  BotSettingsData,
  StoresData,
} from "../../dashboard/types";
import {
  BotSettingsPage,
  ConversationDetailPage,
  ConversationsPage,
  FaqPage,
  HandoffsPage,
  HomePage,
  StoresPage,
} from "./index";

collectConsoleProblems();

const render = (element: ReactElement, shell: Shell = "standalone", path = "/dashboard") =>
  renderPage(element, shell, path);

const store = {
  id: "s1",
  name: "Woo Outfitters",
  platform: "woocommerce" as const,
  domain: "woo.test",
  status: "active",
};
const scope = {
  store: "s1",
  label: "Woo Outfitters (WooCommerce)",
  stores: [store, { ...store, id: "s2", name: "Demo Outfitters", platform: "shopify" as const }],
  timeZone: "Europe/Berlin",
};
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("dashboard pages", () => {
  it("Home: checklist, key numbers and an accessible chart", async () => {
    const data: HomeData = {
      store,
      range: 7,
      checklist: [
        {
          id: "connected",
          label: "Connect your WooCommerce store",
          done: true,
          help: "The WordPress plugin is connected.",
        },
        {
          id: "faq",
          label: "Add your first FAQ",
          done: false,
          help: "Answers",
          action: { label: "FAQ", url: "faq", external: false },
        },
      ],
      mailConfigured: false,
      timeZone: "Europe/Berlin",
      window: { from: "2026-11-17", to: "2026-11-23" },
      numbers: {
        conversations: 12,
        shoppersHelped: 6,
        resolutionRate: 0.75,
        handoffs: 1,
        unanswered: 1,
        inProgress: 4,
        orderQuestions: 9,
      },
      daily: Array.from({ length: 7 }, (_, i) => ({
        date: `2026-11-${String(17 + i).padStart(2, "0")}`,
        count: i,
      })),
    };
    const html = await render(<HomePage data={data} />);
    const t = text(html);
    expect(t).toContain("1 of 2 done");
    expect(t).toContain("Shoppers helped 6");
    expect(t).toContain("Resolution rate 75%");
    expect(t).toContain("Unanswered questions 1");
    expect(t).not.toMatch(/reply time| ms\b/);
    expect(t).toMatch(/Nov 17 ?– ?Nov 23 ?\(days in Europe\/Berlin ?\)/);
    // every number opens the list it counts
    expect(html).toContain(
      'href="/dashboard/conversations?from=2026-11-17&amp;to=2026-11-23&amp;outcome=resolved"',
    );
    // e-mail is not configured: checklist-independent warning
    expect(t).toContain("Handoff e-mails are off");
    expect(html).toContain('href="/dashboard/faq"');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(t).toContain("Conversations per day, last 7 days");
  });

  it("Bot settings: fields, inline errors and the live preview in the chosen colour", async () => {
    const data: BotSettingsData = {
      store,
      mailConfigured: false,
      version: 3,
      values: {
        name: "Ava",
        greeting: "Hi there",
        accentColor: "#0a7d32",
        position: "left",
        launcherLabel: "Chat",
        languages: ["en", "es"],
        orderTracking: true,
        handoffEmail: "",
        businessHours: "",
      },
    };
    const html = await render(
      <BotSettingsPage
        data={data}
        result={{
          ok: false,
          errors: { greeting: "Greeting is required" },
          message: "Check the highlighted fields.",
        }}
      />,
    );
    expect(html).toContain('name="csrf" value="csrf-token-123"');
    expect(html).toContain('name="accentColor"');
    expect(html).toMatch(/<select[^>]*name="position"/);
    expect(html).toContain('name="languages" value="es"');
    expect(text(html)).toContain("Greeting is required");
    // which store these settings are for
    expect(text(html)).toContain("Woo Outfitters (WooCommerce): how the chat looks");
    // no SMTP_URL on the server: Settings says handoff e-mails are off
    expect(text(html)).toContain("Handoff e-mails are off");
    expect(html).toContain('data-accent="#0a7d32"');
    expect(html).toContain('data-position="left"');
    expect(text(html)).toContain("Hi there");
  });

  it("Bot settings preview darkens a too-light accent for readable contrast", async () => {
    const data: BotSettingsData = {
      store,
      mailConfigured: true,
      version: 1,
      values: {
        name: "Ava",
        greeting: "Hi",
        accentColor: "#ffeb3b",
        position: "right",
        launcherLabel: "Chat",
        languages: ["en"],
        orderTracking: false,
        handoffEmail: "",
        businessHours: "",
      },
    };
    const html = await render(<BotSettingsPage data={data} />, "embedded", "/app/settings");
    expect(html).not.toContain('name="csrf"');
    expect(text(html)).toContain("near-black");
  });

  it("Bot settings preview asks for a valid colour instead of pretending to adjust one", async () => {
    const data: BotSettingsData = {
      store,
      mailConfigured: true,
      version: 1,
      values: {
        name: "Ava",
        greeting: "Hi",
        accentColor: "nope",
        position: "right",
        launcherLabel: "Chat",
        languages: ["en"],
        orderTracking: true,
        handoffEmail: "",
        businessHours: "",
      },
    };
    const t = text(await render(<BotSettingsPage data={data} />));
    expect(t).toContain("Enter a hex colour such as #1a73e8 to preview it.");
    expect(t).not.toContain("colour adjusted");
  });

  it("FAQ: entries with translations and the add form", async () => {
    const data: FaqData = {
      store,
      languages: ["en", "es"],
      entries: [
        {
          id: "f1",
          question: "Do you ship to Canada?",
          answer: "Yes.",
          enabled: true,
          translations: { es: { question: "¿Envían a Canadá?", answer: "Sí." } },
          updatedAt: "2026-11-20T00:00:00Z",
        },
      ],
      unanswered: [],
    };
    const html = await render(<FaqPage data={data} />);
    const t = text(html);
    expect(t).toContain("Do you ship to Canada?");
    expect(t).toContain("ES");
    expect(t).toContain("Add an entry");
    expect(t).toContain("Test a question");
    expect(t).toContain("Woo Outfitters (WooCommerce): answers the bot gives");
  });

  it("FAQ: the questions the bot could not answer, each with a button to add an entry", async () => {
    const data: FaqData = {
      store,
      languages: ["en"],
      entries: [],
      unanswered: [
        { id: "u2", text: "Do you sell gift cards?", language: "en", createdAt: "2026-11-22T09:00:00Z" },
        { id: "u1", text: "¿Aceptan PayPal?", language: "es", createdAt: "2026-11-21T09:00:00Z" },
      ],
    };
    const t = text(await render(<FaqPage data={data} />));
    expect(t).toContain("Questions the bot could not answer");
    expect(t.indexOf("Do you sell gift cards?")).toBeLessThan(t.indexOf("¿Aceptan PayPal?"));
    expect(t).toContain("ES · 2026-11-21");
    expect(t).toContain("Add an FAQ entry");
    const none = text(await render(<FaqPage data={{ ...data, unanswered: [] }} />));
    expect(none).toContain("None yet.");
  });

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
      conversation: {
        id: "c1",
        storeName: "Woo Outfitters",
        platform: "woocommerce",
        createdAt: "2026-11-20T10:00:00Z",
        lastMessageAt: "2026-11-20T10:01:00Z",
        language: "en",
        status: "open",
        outcome: "resolved",
        orderQuestion: true,
        verified: true,
        messageCount: 2,
        preview: "",
        customerId: null,
      },
      live: {
        takenOverAt: null,
        shopperHere: false,
        shopperEmail: "a***e@example.com",
        mailConfigured: true,
      },
      handoff: null,
      messages: [
        {
          id: "m1",
          role: "shopper",
          type: "text",
          text: "order 1003, a***e@example.com",
          createdAt: "2026-11-20T10:00:00Z",
          order: null,
          orders: [],
          quickReplies: [],
        },
        {
          id: "m2",
          role: "bot",
          type: "order",
          text: "On its way.",
          createdAt: "2026-11-20T10:00:01Z",
          order: SAMPLE_ORDER,
          orders: [],
          quickReplies: ["Track it"],
        },
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
      conversation: {
        id: "c2",
        storeName: "Demo Outfitters",
        platform: "shopify",
        createdAt: "2026-11-20T10:00:00Z",
        lastMessageAt: "2026-11-20T10:01:00Z",
        language: "en",
        status: "handed_off",
        outcome: "handoff",
        orderQuestion: false,
        verified: false,
        messageCount: 2,
        preview: "",
        customerId: null,
      },
      live: {
        takenOverAt: "2026-11-20T10:02:00Z",
        shopperHere: true,
        shopperEmail: null,
        mailConfigured: false,
      },
      handoff: null,
      messages: [
        {
          id: "m1",
          role: "shopper",
          type: "text",
          text: "hello?",
          createdAt: "2026-11-20T10:00:00Z",
          order: null,
          orders: [],
          quickReplies: [],
        },
        {
          id: "m2",
          role: "agent",
          type: "text",
          text: "Hi, Sam here",
          createdAt: "2026-11-20T10:02:00Z",
          order: null,
          orders: [],
          quickReplies: [],
        },
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

  it("Stores: both platforms with status, link and disconnect controls", async () => {
    const data: StoresData = {
      currentStoreId: "s1",
      stores: [
        {
          ...store,
          current: true,
          widgetEnabled: true,
          embedEnabled: null,
          connectedAt: "2026-11-01T00:00:00Z",
          installedAt: "2026-11-01T00:00:00Z",
        },
        {
          id: "s2",
          name: "Demo Outfitters",
          platform: "shopify",
          domain: "demo.myshopify.com",
          status: "active",
          current: false,
          widgetEnabled: true,
          embedEnabled: true,
          connectedAt: null,
          installedAt: "2026-10-01T00:00:00Z",
        },
      ],
    };
    const t = text(await render(<StoresPage data={data} />));
    expect(t).toContain("Woo Outfitters");
    expect(t).toContain("Chat in live theme: on");
    expect(t).toContain("Disconnect");
    expect(t).toContain("uninstall TrulyBot in its Shopify admin");
    expect(t).toContain("Create link code");
  });
});
