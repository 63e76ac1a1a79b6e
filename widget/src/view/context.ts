/** What every view module reads at render time (mutable: the language and the bot's name can change). */
import type { MessagesRequest, WidgetMessage } from "../../../app/protocol";
import type { Language, Strings } from "../i18n";

export type ShopperAction = Omit<MessagesRequest, "conversationId" | "conversationToken" | "locale">;

export interface SendHooks {
  /** the request failed for good: give the shopper back what they typed */
  failed?(): void;
  /** the server answered */
  sent?(): void;
  /** the shopper pressed Retry: the request goes again as it was */
  retrying?(): void;
}

export interface ViewCtx {
  t: Strings;
  lang: Language;
  /** BCP-47 tag for dates and money, e.g. "de-CH" */
  localeTag: string;
  /** the store's IANA time zone from /config, when it sends one */
  timeZone: string | undefined;
  /** the bot's display name */
  name: string;
  features: { orderTracking: boolean; handoff: boolean; faq: boolean };
  messages(): readonly WidgetMessage[];
  busy(): boolean;
  send(req: ShopperAction, echo: string, hooks?: SendHooks): void;
  /** don't offer this handoff form again after a reload */
  handoffDone(messageId: string): void;
}
