/**
 * The set-up shared by the live-handoff and resume-link tests (app/dashboard/live.db.test.ts,
 * test/routes/resume-link.db.test.ts): one real, migrated database per test file installed with setDb(),
 * the Shopify demo shop and a WooCommerce store seeded in it, a real local SMTP server (the demo's mail
 * catcher) writing into a temporary folder, and the storefront's messages routes called the way Shopify's
 * app proxy and the WordPress plugin sign them. Call useLiveStorefront() once at the top of a test file:
 * it registers the hooks; `onOpen` keeps local bindings of the database and the stores.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { setDb, type Db } from "../../app/db.server";
import { createTestDb } from "../helpers/db";
import { appProxyRequest, seedShopifyShop, seedWooStore } from "../helpers/seed";
import { signedHeaders } from "../../app/platforms/woocommerce/signature.server";
import { signAppProxy } from "../../app/platforms/shopify/proxy-signature";
import { createSmtpMailer } from "../../app/chat/notify.server";
import { startMailCatcher, type MailCatcher } from "../../app/demo/mail-catcher.server";

export const LIVE_SHOP = "demo-outfitters.myshopify.com";
const SECRET = process.env.SHOPIFY_API_SECRET!;

/** What the storefront's messages route answers (the parts these tests read). */
export type MessagesBody = Record<string, unknown> & {
  conversationId?: string;
  conversationToken?: string;
  messages?: { id: string; role: string; type: string; text?: string }[];
  error?: { code: string; message: string };
};
export interface RouteReply {
  status: number;
  body: MessagesBody;
  retryAfter: string | null;
}

export interface LiveWorld {
  db: Db;
  shopStore: Awaited<ReturnType<typeof seedShopifyShop>>;
  woo: Awaited<ReturnType<typeof seedWooStore>>;
}

export interface LiveStorefront extends Readonly<LiveWorld> {
  readonly catcher: MailCatcher;
  /** the folder the mail catcher writes every mail into */
  readonly mailDir: string;
  readonly proxyMessages: typeof import("../../app/routes/proxy.messages");
  /** the app's SMTP mailer, sending to the mail catcher */
  smtpMailer(): ReturnType<typeof createSmtpMailer>;
  /**
   * GET {base}/messages through Shopify's app proxy: `query` next to Shopify's signed parameters (Shopify
   * signs all of them). `tamper` changes the conversation id after signing; `headers` are the shopper's.
   */
  shopifyGet(
    query: Record<string, string>,
    opts?: { shop?: string; tamper?: boolean; customerId?: string; headers?: Record<string, string> },
  ): Promise<RouteReply>;
  /**
   * GET {base}/messages as the plugin signs it (the path with its query); `sentQuery` is the query actually
   * sent when it differs from the signed one, `secret` the key it is signed with.
   */
  wooGet(
    query: Record<string, string>,
    opts?: { secret?: string; sentQuery?: string; shopper?: string },
  ): Promise<RouteReply>;
}

async function reply(res: Response): Promise<RouteReply> {
  return {
    status: res.status,
    body: (await res.json()) as MessagesBody,
    retryAfter: res.headers.get("Retry-After"),
  };
}

export function useLiveStorefront(
  mailDirPrefix: string,
  onOpen?: (world: LiveWorld) => void,
): LiveStorefront {
  let world: LiveWorld | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  let catcher: MailCatcher | undefined;
  let mailDir: string | undefined;
  let proxyMessages: typeof import("../../app/routes/proxy.messages") | undefined;
  let wooMessages: typeof import("../../app/routes/api.v1.woo.storefront.messages") | undefined;
  beforeAll(async () => {
    let db: Db;
    ({ db, cleanup } = await createTestDb());
    setDb(db);
    const shopStore = await seedShopifyShop(db, LIVE_SHOP, "shpat_test");
    const woo = await seedWooStore(db, {
      url: "http://woo.test",
      consumerKey: "ck_x",
      consumerSecret: "cs_x",
    });
    world = { db, shopStore, woo };
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), mailDirPrefix));
    catcher = await startMailCatcher({ dir: mailDir });
    proxyMessages = await import("../../app/routes/proxy.messages");
    wooMessages = await import("../../app/routes/api.v1.woo.storefront.messages");
    onOpen?.(world);
  });
  afterAll(async () => {
    await catcher?.close();
    if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
    await cleanup?.();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useLiveStorefront(): the world is opened in beforeAll");
    return value;
  };
  return {
    get db() {
      return opened(world).db;
    },
    get shopStore() {
      return opened(world).shopStore;
    },
    get woo() {
      return opened(world).woo;
    },
    get catcher() {
      return opened(catcher);
    },
    get mailDir() {
      return opened(mailDir);
    },
    get proxyMessages() {
      return opened(proxyMessages);
    },
    smtpMailer: () =>
      createSmtpMailer({
        host: "127.0.0.1",
        port: opened(catcher).port,
        secure: false,
        from: "Demo <bot@demo.test>",
      }),
    async shopifyGet(query, opts = {}) {
      const req = appProxyRequest("messages", {
        shop: opts.shop ?? LIVE_SHOP,
        secret: SECRET,
        customerId: opts.customerId,
        headers: opts.headers,
        tamper: opts.tamper,
      });
      const url = new URL(req.url);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      url.searchParams.delete("signature");
      url.searchParams.set("signature", signAppProxy(url.searchParams, SECRET));
      if (opts.tamper) url.searchParams.set("conversationId", "tampered");
      const request = new Request(url, { headers: req.headers });
      return reply((await opened(proxyMessages).loader({ request, params: {}, context: {} })) as Response);
    },
    async wooGet(query, opts = {}) {
      const qs = new URLSearchParams(query).toString();
      const { store, secret } = opened(world).woo;
      const headers = signedHeaders(store.id, opts.secret ?? secret, {
        method: "GET",
        pathWithQuery: `/api/v1/woo/storefront/messages?${qs}`,
        shopper: opts.shopper ?? "a".repeat(64),
      });
      const sent = `https://trulybot.test/api/v1/woo/storefront/messages?${opts.sentQuery ?? qs}`;
      const request = new Request(sent, { headers });
      return reply((await opened(wooMessages).loader({ request, params: {}, context: {} })) as Response);
    },
  };
}
