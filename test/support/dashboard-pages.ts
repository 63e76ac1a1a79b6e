/**
 * Shared fixtures of the dashboard page tests (app/components/pages/pages-*.test.tsx): a page rendered
 * server-side in a shell, the scope of a merchant with two stores, the page's text without tags, and the
 * data of the settings and transcript pages with what a test does not look at filled in.
 */
import type { ReactElement } from "react";
import type { BotSettingsData, ConversationDetailData, TranscriptMessage } from "../../app/dashboard/types";
import { renderPage, type Shell } from "./render-page";

export const render = (element: ReactElement, shell: Shell = "standalone", path = "/dashboard") =>
  renderPage(element, shell, path);

export const store = {
  id: "s1",
  name: "Woo Outfitters",
  platform: "woocommerce" as const,
  domain: "woo.test",
  status: "active",
};
export const scope = {
  store: "s1",
  label: "Woo Outfitters (WooCommerce)",
  stores: [store, { ...store, id: "s2", name: "Demo Outfitters", platform: "shopify" as const }],
  timeZone: "Europe/Berlin",
};
export const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** Bot settings of `store` as a merchant who changed little has them; `values` and `over` change them. */
export function botSettings(
  values: Partial<BotSettingsData["values"]> = {},
  over: Partial<Omit<BotSettingsData, "values">> = {},
): BotSettingsData {
  return {
    store,
    mailConfigured: true,
    version: 1,
    values: {
      name: "Ava",
      greeting: "Hi",
      accentColor: "#1a73e8",
      position: "right",
      launcherLabel: "Chat",
      languages: ["en"],
      orderTracking: true,
      handoffEmail: "",
      businessHours: "",
      ...values,
    },
    ...over,
  };
}

/** A conversation of the transcript page: an English chat on 20 November, `over` changes it. */
export function conversation(
  over: Partial<ConversationDetailData["conversation"]> = {},
): ConversationDetailData["conversation"] {
  return {
    id: "c1",
    storeName: "Woo Outfitters",
    platform: "woocommerce",
    createdAt: "2026-11-20T10:00:00Z",
    lastMessageAt: "2026-11-20T10:01:00Z",
    language: "en",
    status: "open",
    outcome: "resolved",
    orderQuestion: false,
    verified: false,
    messageCount: 2,
    preview: "",
    customerId: null,
    ...over,
  };
}

/** A transcript message: text only (no order card, no chips) unless `over` adds them. */
export function transcriptMessage(
  over: Pick<TranscriptMessage, "id" | "role" | "text" | "createdAt"> & Partial<TranscriptMessage>,
): TranscriptMessage {
  return { type: "text", order: null, orders: [], quickReplies: [], ...over };
}
