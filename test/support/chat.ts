/**
 * Ready-made engine contexts over the demo stores (tests, benchmarks, the dashboard's try-it box).
 * Node-only (reads the demo fixtures).
 */
import {
  DEMO_NOW,
  loadDemoShopifyAdapter,
  loadDemoWooAdapter,
  type DemoAdapterOptions,
  type MemoryAdapter,
} from "./memory-adapter";
import type { PlatformCapabilities } from "../../app/platforms/types";
import type { ChatStore, TurnContext } from "../../app/chat/engine";
import { handleTurn } from "../../app/chat/engine";
import type { HandoffNotifier } from "../../app/chat/notify";
import type { MessagesRequest, MessagesResponse } from "../../app/protocol";
import { createMemoryRepository, type MemoryChatRepository } from "./memory-repository";

export interface DemoContextOptions extends DemoAdapterOptions {
  customerId?: string | null;
  shopperKey?: string;
  repo?: MemoryChatRepository;
  notifier?: HandoffNotifier;
  settings?: Partial<ChatStore["settings"]>;
  capabilities?: Partial<PlatformCapabilities>;
  store?: Partial<ChatStore>;
}

export interface DemoContext extends TurnContext {
  adapter: MemoryAdapter;
  repo: MemoryChatRepository;
  /** sends one turn, keeping the conversation id */
  send(req: MessagesRequest | string): Promise<MessagesResponse>;
  conversationId: string | null;
}

let idCounter = 0;
/** readable, deterministic-per-run ids, unique across contexts sharing a repository */
function sequentialIds(prefix: string) {
  return () => `${prefix}${(++idCounter).toString(36).padStart(5, "0")}`;
}

function build(
  adapter: MemoryAdapter & {
    policies: ChatStore["policies"];
    store: { name: string; supportEmail?: string | null; timezone: string; currency: string };
  },
  storeId: string,
  opts: DemoContextOptions,
): DemoContext {
  const repo = opts.repo ?? createMemoryRepository();
  const store: ChatStore = {
    id: storeId,
    name: adapter.store.name,
    platform: adapter.capabilities.platform,
    supportEmail: adapter.store.supportEmail ?? null,
    timezone: adapter.store.timezone,
    currency: adapter.store.currency,
    policies: adapter.policies,
    settings: {
      name: "TrulyBot",
      greeting: "Hi! I can track your order or answer questions about shipping and returns.",
      orderTracking: true,
      handoffEnabled: true,
      faqEnabled: true,
      handoffEmail: "merchant@example.com",
      languages: ["en"],
      ...opts.settings,
    },
    ...opts.store,
  };
  const ctx: DemoContext = {
    store,
    adapter,
    repo,
    shopper: { key: opts.shopperKey ?? "shopper-key-1", customerId: opts.customerId ?? null },
    notifier: opts.notifier ?? null,
    now: () => opts.now?.() ?? DEMO_NOW,
    idGen: sequentialIds(`${storeId}-`),
    conversationId: null,
    async send(req) {
      const body: MessagesRequest = typeof req === "string" ? { text: req } : { ...req };
      if (ctx.conversationId && body.conversationId === undefined) body.conversationId = ctx.conversationId;
      const res = await handleTurn(ctx, body);
      ctx.conversationId = res.conversationId;
      return res;
    },
  };
  return ctx;
}

export function demoShopifyContext(opts: DemoContextOptions = {}): DemoContext {
  return build(loadDemoShopifyAdapter(opts), opts.store?.id ?? "store-shopify", opts);
}

export function demoWooContext(opts: DemoContextOptions = {}): DemoContext {
  return build(loadDemoWooAdapter(opts), opts.store?.id ?? "store-woo", opts);
}

/** All visible text of a response, joined (for assertions). */
export function replyText(res: MessagesResponse): string {
  return res.messages
    .map((m) =>
      [
        ("text" in m ? m.text : "") ?? "",
        m.type === "quick_replies" ? m.quickReplies.map((q) => q.label).join(" | ") : "",
      ].join(" "),
    )
    .join("\n");
}
