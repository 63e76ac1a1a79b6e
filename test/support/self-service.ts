/**
 * Real parts for self-service tests: the Shopify Admin and WooCommerce emulators (real HTTP), the real
 * adapters with their action modules, a real SMTP server that keeps every mail, the Prisma repository
 * over a throw-away database, and a turn context wired like production (buildTurnContext's pieces).
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { lookupGuardFor } from "../../app/chat/context.server";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Db } from "../../app/db.server";
import { handleTurn, type ChatStore, type TurnContext } from "../../app/chat/engine";
import { createPrismaChatRepository } from "../../app/chat/repository.server";
import { createSelfService } from "../../app/actions/service.server";
import { saveActionRule } from "../../app/actions/rules.server";
import { defaultRule, type ActionKind, type ActionRule } from "../../app/actions/types";
import { createSmtpCodeMailer } from "../../app/verification/mailer.server";
import { createShopifyAdapter } from "../../app/platforms/shopify/adapter";
import { createShopifyGraphqlClient } from "../../app/platforms/shopify/client";
import { createShopifyActions } from "../../app/platforms/shopify/actions.server";
import { createWooAdapter } from "../../app/platforms/woocommerce/adapter";
import { createWooClient } from "../../app/platforms/woocommerce/client";
import { createWooActions, createWooWriter } from "../../app/platforms/woocommerce/actions.server";
import type { PlatformAdapter } from "../../app/platforms/types";
import type { MessagesRequest, MessagesResponse } from "../../app/protocol";
import { DEMO_NOW, DEMO_SHOP, type ShopifyAdminEmulator } from "../emulators/shopify-admin/emulator";
import { DEMO_STORE_IDS } from "./chat";
import { DEMO_WRITE_TOKEN } from "../emulators/shopify-admin/mutations";
import type { WooEmulator, WooEmulatorKey } from "../emulators/woocommerce/emulator";
import { WOO_RW_KEY } from "../emulators/woocommerce/writes";

export { WOO_RW_KEY };

export interface Mail {
  to: string[];
  raw: string;
}

export interface Mailbox {
  url: string;
  mails: Mail[];
  close(): Promise<void>;
}

/**
 * One real SMTP server for the whole test file: started before its tests, closed after them; with
 * `emptyBeforeEach` every test starts with no mail. The handle reads the running server's url and mails.
 */
export function useMailbox(opts: { emptyBeforeEach?: boolean } = {}): Mailbox {
  let box: Mailbox | undefined;
  beforeAll(async () => {
    box = await startMailbox();
  });
  afterAll(async () => {
    await box?.close();
  });
  if (opts.emptyBeforeEach)
    beforeEach(() => {
      if (box) box.mails.length = 0;
    });
  return {
    get url() {
      return box!.url;
    },
    get mails() {
      return box!.mails;
    },
    close: async () => box?.close(),
  };
}

export async function startMailbox(): Promise<Mailbox> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, cb) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (c: string) => (raw += c));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The code in the newest mail to `to` (waits for the SMTP server to receive it). */
export async function codeFromMailbox(mails: Mail[], to: string, pending: Promise<void>[]): Promise<string> {
  await Promise.all(pending.splice(0));
  const mail = mails.filter((m) => m.to.includes(to.toLowerCase()) || m.to.includes(to)).at(-1);
  if (!mail) throw new Error(`no mail to ${to}`);
  const m = /\bis (\d{6})\b/.exec(mail.raw.replace(/=\r?\n/g, ""));
  if (!m) throw new Error("no code in the mail");
  return m[1];
}

export function shopifyAdapter(e: ShopifyAdminEmulator, token = DEMO_WRITE_TOKEN): PlatformAdapter {
  const client = createShopifyGraphqlClient({
    shop: DEMO_SHOP,
    accessToken: token,
    origin: e.url,
    maxRetries: 0,
  });
  const adapter = createShopifyAdapter({
    client,
    shop: DEMO_SHOP,
    scopes: ["read_orders", "read_customers", "read_fulfillments", "read_legal_policies"],
  });
  adapter.actions = createShopifyActions(client);
  return adapter;
}

export function wooAdapter(e: WooEmulator, key: WooEmulatorKey = WOO_RW_KEY): PlatformAdapter {
  const opts = { storeUrl: e.url, consumerKey: key.consumerKey, consumerSecret: key.consumerSecret };
  const client = createWooClient({ ...opts, maxRetries: 0 });
  const adapter = createWooAdapter({
    client,
    storeUrl: e.url,
    storeInfo: { name: "Gartenwerk", timezone: "Europe/Berlin", currency: "EUR" },
  });
  adapter.actions = createWooActions(client, createWooWriter(opts));
  return adapter;
}

export async function setRule(db: Db, storeId: string, action: ActionKind, over: Partial<ActionRule> = {}) {
  await saveActionRule(db, storeId, { ...defaultRule(action), enabled: true, ...over });
}

export async function clearSelfService(db: Db): Promise<void> {
  await db.oneTimeCode.deleteMany({});
  await db.orderAction.deleteMany({});
  await db.actionRule.deleteMany({});
}

export interface Shopper {
  ctx: TurnContext;
  mailsPending: Promise<void>[];
  conversationId: string | null;
  /** the browser's secret for its conversation (the widget keeps it the same way) */
  conversationToken: string | null;
  send(req: MessagesRequest | string): Promise<MessagesResponse>;
}

export function shopper(opts: {
  db: Db;
  storeId: string;
  platform: "shopify" | "woocommerce";
  adapter: PlatformAdapter;
  smtpUrl: string | null;
  now: () => Date;
  customerId?: string | null;
  shopperKey?: string;
  /** the shopper's hashed network prefix (none: unknown) */
  networkKey?: string | null;
  handoffEnabled?: boolean;
}): Shopper {
  const mailsPending: Promise<void>[] = [];
  const store: ChatStore = {
    id: opts.storeId,
    name: opts.platform === "shopify" ? "Demo Outfitters" : "Gartenwerk",
    platform: opts.platform,
    supportEmail: "help@example.com",
    timezone: opts.platform === "shopify" ? "America/New_York" : "Europe/Berlin",
    currency: opts.platform === "shopify" ? "USD" : "EUR",
    policies: {},
    settings: {
      name: "TrulyBot",
      greeting: "Hi!",
      orderTracking: true,
      handoffEnabled: opts.handoffEnabled ?? true,
      faqEnabled: false,
      handoffEmail: "merchant@example.com",
      languages: ["en", "de"],
    },
  };
  const ctx: TurnContext = {
    store,
    adapter: opts.adapter,
    repo: createPrismaChatRepository(opts.db),
    shopper: {
      key: opts.shopperKey ?? "shopper-1",
      customerId: opts.customerId ?? null,
      networkKey: opts.networkKey ?? null,
    },
    lookups: lookupGuardFor(opts.db),
    notifier: null,
    now: opts.now,
    selfService: createSelfService({
      db: opts.db,
      adapter: opts.adapter,
      mailer: opts.smtpUrl ? createSmtpCodeMailer(opts.smtpUrl, "TrulyBot <codes@example.com>") : null,
      key: "test-code-key",
      now: opts.now,
      onMail: (p) => mailsPending.push(p),
    }),
  };
  const s: Shopper = {
    ctx,
    mailsPending,
    conversationId: null,
    conversationToken: null,
    async send(req) {
      const body: MessagesRequest = typeof req === "string" ? { text: req } : { ...req };
      if (s.conversationId) body.conversationId = s.conversationId;
      if (s.conversationToken && body.conversationToken === undefined)
        body.conversationToken = s.conversationToken;
      const res = await handleTurn(ctx, body);
      if (res.conversationId !== s.conversationId) s.conversationToken = res.conversationToken ?? null;
      s.conversationId = res.conversationId;
      return res;
    },
  };
  return s;
}

/**
 * A guest on the Shopify demo store, through the Admin emulator `e` (its write token), its codes mailed to
 * `smtpUrl` (null: no mail), at DEMO_NOW unless `over` says otherwise.
 */
export function shopifyGuest(
  db: Db,
  e: ShopifyAdminEmulator,
  smtpUrl: string | null,
  over: Partial<Parameters<typeof shopper>[0]> = {},
): Shopper {
  return shopper({
    db,
    storeId: DEMO_STORE_IDS.shopify,
    platform: "shopify",
    adapter: over.adapter ?? shopifyAdapter(e),
    smtpUrl,
    now: () => DEMO_NOW,
    ...over,
  });
}

export function texts(res: MessagesResponse): string {
  return res.messages
    .map((m) =>
      [
        ("text" in m ? m.text : "") ?? "",
        m.type === "quick_replies" ? m.quickReplies.map((q) => q.label).join(" | ") : "",
        m.type === "item_picker" ? `[${m.items.map((q) => q.label).join(" | ")}]` : "",
      ]
        .filter(Boolean)
        .join(" "),
    )
    .join("\n");
}

export const YES = { action: { type: "quick_reply" as const, value: "tb:act_yes" } };
export const NO = { action: { type: "quick_reply" as const, value: "tb:act_no" } };
export const chip = (value: string) => ({ action: { type: "quick_reply" as const, value } });
