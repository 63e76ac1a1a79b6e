/**
 * The widget protocol (CONTRACTS.md §1). Shared by the engine (producer), the proxy routes and the widget.
 */
import type { CanonicalOrderStatus, ShipmentStatus } from "../orders/types";

export const MAX_TEXT_LENGTH = 1000;

export type Awaiting = "order_number" | "email_or_phone" | "handoff_details" | null;

export interface WidgetOrderShipment {
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  status: ShipmentStatus;
  shippedAt?: string | null;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  items?: { title: string; quantity: number }[];
  /** human line, localized, e.g. "In transit · expected Tue, Nov 24" */
  summary?: string;
}

export interface WidgetOrder {
  number: string;
  status: CanonicalOrderStatus;
  /** localized plain-language status label, e.g. "Shipped" */
  statusLabel?: string;
  placedAt: string;
  /** the order date as the bot's text writes it (store's time zone, shopper's language), e.g. "Nov 22" */
  placedOn?: string;
  /** the store's IANA time zone: the card formats any other date in it, never in the browser's zone */
  timeZone?: string;
  total: { amount: string; currency: string };
  /** total formatted in the shopper's language, e.g. "$300.89" */
  totalFormatted?: string;
  items: { title: string; quantity: number; variantTitle?: string | null }[];
  shipments: WidgetOrderShipment[];
  statusPageUrl: string | null;
  /** progress steps for the card: ordered → shipped → delivered (or pickup variants) */
  steps?: { key: string; label: string; done: boolean; current: boolean }[];
}

export type WidgetMessage =
  /** `agent`: a person from the store wrote it from the dashboard (live handoff). */
  | { id: string; role: "bot" | "shopper" | "agent"; type: "text"; text: string }
  | { id: string; role: "bot"; type: "order"; text: string; order: WidgetOrder }
  | { id: string; role: "bot"; type: "order_list"; text: string; orders: WidgetOrder[] }
  | {
      id: string;
      role: "bot";
      type: "quick_replies";
      quickReplies: { label: string; value: string }[];
      text?: string;
    }
  /**
   * Choose lines of an order (a return): checkboxes; the widget answers with the quick reply
   * `${prefix}${indices joined by ","}` (indices into `items`).
   */
  | {
      id: string;
      role: "bot";
      type: "item_picker";
      text: string;
      items: { label: string }[];
      prefix: string;
    }
  | {
      id: string;
      role: "bot";
      type: "handoff";
      text: string;
      handoffId?: string | null;
      fields?: ("email" | "message")[];
    };

export interface MessagesRequest {
  conversationId?: string;
  /** The per-browser secret of `conversationId` (from the first response); without it a new conversation starts. */
  conversationToken?: string;
  text?: string;
  action?:
    { type: "quick_reply"; value: string } | { type: "handoff_submit"; email?: string; message: string };
  locale?: string;
}

export interface MessagesResponse {
  conversationId: string;
  /** Present when the conversation is new (or was re-created): the widget stores it with the id. */
  conversationToken?: string;
  messages: WidgetMessage[];
  awaiting: Awaiting;
  /**
   * the conversation's language (one per conversation; the engine sends one of LANGUAGES): the widget
   * labels everything in it. Typed as a string because a widget must cope with any value.
   */
  language?: string;
}

export interface WidgetConfig {
  bot: {
    name: string;
    greeting: string;
    accentColor: string;
    position: "left" | "right";
    avatarUrl: string | null;
    launcherLabel: string;
  };
  features: { orderTracking: boolean; handoff: boolean; faq: boolean };
  locale: string;
  version: string;
  /** the store's IANA time zone ("America/New_York"), for dates and business hours */
  timeZone?: string;
}

export type Intent =
  | "order_status"
  | "tracking"
  | "cancel_order"
  | "return_refund"
  | "change_address"
  | "human"
  | "greeting"
  | "thanks_bye"
  | "policy_shipping"
  | "policy_returns"
  | "faq"
  | "other";

export type Language = "en" | "es" | "fr" | "de" | "pt" | "it" | "nl";
export const LANGUAGES: readonly Language[] = ["en", "es", "fr", "de", "pt", "it", "nl"];

export interface Understanding {
  intent: Intent;
  confidence: number; // 0..1
  language: Language;
  entities: { orderNumber: string | null; email: string | null; phone: string | null };
  /** true when the text negates an action ("I don't want to cancel") */
  negated?: boolean;
}
