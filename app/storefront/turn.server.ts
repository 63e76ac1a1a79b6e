/**
 * POST {base}/messages for both platforms: rate limits, request validation, the engine turn.
 * Only the request verification (Shopify app proxy vs plugin signature) differs per platform,
 * and it happens in the route before this is called.
 */
import type { BotSettings, Store } from "@prisma/client";
import { handleTurn, parseMessagesBody, type ChatStore, type TurnContext } from "../chat/engine";
import type { HandoffNotifier } from "../chat/notify";
import { createSmtpNotifier } from "../chat/notify.server";
import { chatStoreFromRecords } from "../chat/store-context";
import { createPrismaChatRepository } from "../chat/repository.server";
import { getDb } from "../db.server";
import { loadEnv } from "../env.server";
import type { StorePolicies } from "../orders/types";
import { adapterForStore } from "../platforms/adapters.server";
import { hashForAudit } from "../stores/secrets.server";
import { hitRateLimit } from "../security/rate-limit.server";
import { storeLatencyFloor, withLatencyFloor } from "../security/latency-floor";
import { PlatformUnavailableError, type PlatformAdapter } from "../platforms/types";
import { jsonError } from "./errors.server";

export const MAX_BODY_BYTES = 16 * 1024;
/** Requests (not failed lookups — the engine limits those) per window. */
export const REQUEST_LIMITS = {
  store: { limit: 3000, windowSeconds: 60 },
  shopper: { limit: 40, windowSeconds: 60 },
};

let notifier: HandoffNotifier | null | undefined;
function notifierFromEnv(): HandoffNotifier | null {
  if (notifier !== undefined) return notifier;
  const { SMTP_URL, SMTP_FROM } = loadEnv();
  if (!SMTP_URL) return (notifier = null);
  const u = new URL(SMTP_URL);
  const port = Number(u.port || (u.protocol === "smtps:" ? 465 : 587));
  notifier = createSmtpNotifier({
    host: u.hostname,
    port,
    secure: u.protocol === "smtps:",
    user: u.username ? decodeURIComponent(u.username) : null,
    pass: u.password ? decodeURIComponent(u.password) : null,
    from: SMTP_FROM,
  });
  return notifier;
}

/** An adapter that always reports an outage: the engine then answers honestly instead of failing. */
function unavailableAdapter(platform: "shopify" | "woocommerce", error: unknown): PlatformAdapter {
  const e =
    error instanceof PlatformUnavailableError
      ? error
      : new PlatformUnavailableError(String((error as Error)?.message ?? error), "upstream_error");
  const fail = async (): Promise<never> => {
    throw e;
  };
  return {
    capabilities: { platform, readAllOrders: true, knowsDelivery: platform === "shopify" },
    findOrder: fail,
    listCustomerOrders: fail,
    getPolicies: async () => ({}),
    getStoreInfo: fail,
  };
}

/** The engine's view of the store: settings, merged policies (merchant-entered win over the platform's). */
export async function chatStoreFor(
  store: Store,
  settings: BotSettings,
  adapter: PlatformAdapter,
): Promise<ChatStore> {
  let platformPolicies: StorePolicies = {};
  try {
    platformPolicies = await adapter.getPolicies();
  } catch {
    // policies are a nicety; an outage is handled when an order is looked up
  }
  return chatStoreFromRecords(store, settings, platformPolicies);
}

export interface StorefrontShopper {
  /** stable, hashed identity of the shopper's browser (never raw IP/UA) */
  key: string;
  customerId: string | null;
}

export async function storefrontMessages(
  store: Store,
  bodyText: string,
  shopper: StorefrontShopper,
): Promise<Response> {
  if (Buffer.byteLength(bodyText, "utf8") > MAX_BODY_BYTES)
    return jsonError(400, "too_large", "Request body too large.");
  const parsed = parseMessagesBody(bodyText);
  if (!parsed.ok) return jsonError(400, parsed.error.code, parsed.error.message);

  const db = await getDb();
  const now = new Date();
  for (const [scope, rule, key] of [
    ["store", REQUEST_LIMITS.store, `req:store:${store.id}`],
    ["shopper", REQUEST_LIMITS.shopper, `req:shopper:${store.id}:${shopper.key}`],
  ] as const) {
    const r = await hitRateLimit(db, key, rule.limit, rule.windowSeconds, now);
    if (!r.allowed) {
      return jsonError(
        429,
        "rate_limited",
        scope === "store"
          ? "This store's assistant is very busy. Please try again shortly."
          : "You're sending messages very quickly. Please wait a moment.",
        {
          "Retry-After": String(r.retryAfterSeconds),
        },
      );
    }
  }

  const settings =
    (await db.botSettings.findUnique({ where: { storeId: store.id } })) ??
    (await db.botSettings.create({ data: { storeId: store.id } }));
  let adapter: PlatformAdapter;
  try {
    adapter = withLatencyFloor(await adapterForStore(store), storeLatencyFloor(store.id));
  } catch (error) {
    adapter = unavailableAdapter(store.platform === "shopify" ? "shopify" : "woocommerce", error);
  }
  const ctx: TurnContext = {
    store: await chatStoreFor(store, settings, adapter),
    adapter,
    repo: createPrismaChatRepository(db),
    shopper: { key: shopper.key, customerId: shopper.customerId },
    notifier: notifierFromEnv(),
    auditKey: hashForAudit("audit-key", "engine"),
  };
  const result = await handleTurn(ctx, parsed.request);
  return new Response(JSON.stringify(result), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
