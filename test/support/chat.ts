/**
 * Ready-made engine contexts over the demo stores (tests, benchmarks), on the real Prisma repository
 * over a throw-away SQLite (or PostgreSQL) database — so every number the tests read is computed by
 * the one implementation production runs.
 *
 * In a test file: `const chat = useChatDatabase();` (./chat-database.ts: one database per file, emptied
 * before each test), then `demoShopifyContext()` / `demoWooContext()`. Elsewhere (benchmarks):
 * `await openChatDatabase()` and pass its `repo`. This module does not import vitest.
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
import { handleTurn, type LookupGuard } from "../../app/chat/engine";
import { lookupGuardFor } from "../../app/chat/context.server";
import type { HandoffNotifier } from "../../app/chat/notify";
import type { MessagesRequest, MessagesResponse } from "../../app/protocol";
import type { Db } from "../../app/db.server";
import { createTestDb, type DbFlavor } from "../helpers/db";
import { initialState, type DialogueState } from "../../app/chat/dialogue/state";
import { newTurn, type Turn } from "../../app/chat/dialogue/turn";
import { createTestChatRepository, type TestChatRepository } from "./chat-repository";

export type { TestChatRepository } from "./chat-repository";

export const DEMO_STORE_IDS = { shopify: "store-shopify", woocommerce: "store-woo" } as const;

export interface ChatDatabase {
  db: Db;
  repo: TestChatRepository;
  /** creates a store row (conversations, FAQs and events belong to a store) */
  seedStore(id: string, platform?: "shopify" | "woocommerce"): Promise<void>;
  /** deletes every conversation, message, lookup, handoff, FAQ, counter and event; keeps the stores */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function openChatDatabase(opts: { flavor?: DbFlavor } = {}): Promise<ChatDatabase> {
  const { db, cleanup } = await createTestDb(opts);
  const ws = await db.workspace.create({ data: { name: "chat tests" } });
  const seedStore = async (id: string, platform: "shopify" | "woocommerce" = "shopify") => {
    await db.store.upsert({
      where: { id },
      create: { id, workspaceId: ws.id, platform, domain: `${id}.test`, name: id, status: "active" },
      update: {},
    });
  };
  await seedStore(DEMO_STORE_IDS.shopify, "shopify");
  await seedStore(DEMO_STORE_IDS.woocommerce, "woocommerce");
  return {
    db,
    repo: createTestChatRepository(db),
    seedStore,
    async reset() {
      await db.message.deleteMany({});
      await db.conversation.deleteMany({});
      await db.orderLookup.deleteMany({});
      await db.handoffRequest.deleteMany({});
      await db.faqEntry.deleteMany({});
      await db.rateLimit.deleteMany({});
      await db.analyticsEvent.deleteMany({});
      await db.unansweredQuestion.deleteMany({});
    },
    close: cleanup,
  };
}

let current: ChatDatabase | null = null;

/** The database demo contexts use when none is passed (set by useChatDatabase() in test files). */
export function setDefaultChatDatabase(db: ChatDatabase | null): void {
  current = db;
}

export function defaultChatDatabase(): ChatDatabase | null {
  return current;
}

export interface DemoContextOptions extends DemoAdapterOptions {
  customerId?: string | null;
  shopperKey?: string;
  repo?: TestChatRepository;
  notifier?: HandoffNotifier;
  settings?: Partial<ChatStore["settings"]>;
  capabilities?: Partial<PlatformCapabilities>;
  store?: Partial<ChatStore>;
  /** lookup limits (default: the production guard over the repository's database) */
  lookups?: LookupGuard;
  networkKey?: string | null;
}

export interface DemoContext extends TurnContext {
  adapter: MemoryAdapter;
  repo: TestChatRepository;
  /** sends one turn, keeping the conversation id and its token (as the widget does) */
  send(req: MessagesRequest | string): Promise<MessagesResponse>;
  conversationId: string | null;
  conversationToken: string | null;
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
  const repo = opts.repo ?? current?.repo;
  if (!repo) throw new Error("demo contexts need a database: call useChatDatabase() in the test file");
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
    shopper: {
      key: opts.shopperKey ?? "shopper-key-1",
      customerId: opts.customerId ?? null,
      ...(opts.networkKey !== undefined ? { networkKey: opts.networkKey } : {}),
    },
    lookups: opts.lookups ?? lookupGuardFor(repo.db),
    notifier: opts.notifier ?? null,
    now: () => opts.now?.() ?? DEMO_NOW,
    idGen: sequentialIds(`${storeId}-`),
    conversationId: null,
    conversationToken: null,
    async send(req) {
      const body: MessagesRequest = typeof req === "string" ? { text: req } : { ...req };
      if (ctx.conversationId && body.conversationId === undefined) {
        body.conversationId = ctx.conversationId;
        if (ctx.conversationToken && body.conversationToken === undefined)
          body.conversationToken = ctx.conversationToken;
      }
      const res = await handleTurn(ctx, body);
      if (res.conversationId !== ctx.conversationId) ctx.conversationToken = res.conversationToken ?? null;
      ctx.conversationId = res.conversationId;
      return res;
    },
  };
  return ctx;
}

export function demoShopifyContext(opts: DemoContextOptions = {}): DemoContext {
  return build(loadDemoShopifyAdapter(opts), opts.store?.id ?? DEMO_STORE_IDS.shopify, opts);
}

export function demoWooContext(opts: DemoContextOptions = {}): DemoContext {
  return build(loadDemoWooAdapter(opts), opts.store?.id ?? DEMO_STORE_IDS.woocommerce, opts);
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

/** A Turn of the dialogue pipeline on a new stored conversation (for tests of one pipeline step). */
export async function openTurn(
  ctx: DemoContext,
  req: MessagesRequest,
  state: DialogueState = initialState(),
): Promise<Turn> {
  const conv = await ctx.repo.createConversation({
    id: ctx.idGen!(),
    storeId: ctx.store.id,
    shopperKey: ctx.shopper.key,
    customerId: ctx.shopper.customerId,
    language: "en",
    state,
    now: ctx.now!(),
  });
  return newTurn(ctx, conv, state, req);
}
