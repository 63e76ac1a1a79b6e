/**
 * The one composition root of a chat turn: store → settings (read only; defaults in memory when the
 * store has no row yet) → platform adapter (with its production timeouts) → policies → repository →
 * notifier → clock. The storefront routes call it with the request's store and shopper; tests call it
 * with their own parts (a short-timeout adapter, a test database, a fixed clock) and so run the same
 * wiring as production.
 */
import type { BotSettings, Store } from "@prisma/client";
import { getDb, type Db } from "../db.server";
import { loadEnv } from "../env.server";
import type { StorePolicies } from "../orders/types";
import { adapterForStore } from "../platforms/adapters.server";
import { withOrderMirror } from "../platforms/mirror/adapter.server";
import { storeLatencyFloor, withLatencyFloor } from "../security/latency-floor";
import { PlatformUnavailableError, type PlatformAdapter } from "../platforms/types";
import { hashForAudit } from "../stores/secrets.server";
import type { ChatStore, LookupLimits, TurnContext } from "./engine";
import type { HandoffNotifier } from "./notify";
import { createSmtpNotifier } from "./notify.server";
import type { ChatRepository } from "./repository";
import { createPrismaChatRepository } from "./repository.server";
import { chatStoreFromRecords } from "./store-context";

export interface TurnContextParts {
  store: Store;
  shopper: TurnContext["shopper"];
  /** the store's settings row; read from the database when undefined (null: no row, defaults apply) */
  settings?: BotSettings | null;
  adapter?: PlatformAdapter;
  repository?: ChatRepository;
  /** null: no merchant email; undefined: from SMTP_URL */
  notifier?: HandoffNotifier | null;
  clock?: () => Date;
  idGen?: () => string;
  limits?: Partial<LookupLimits>;
  /** the database for settings and the repository (getDb() when absent) */
  db?: Db;
}

let envNotifier: HandoffNotifier | null | undefined;
function notifierFromEnv(): HandoffNotifier | null {
  if (envNotifier !== undefined) return envNotifier;
  const { SMTP_URL, SMTP_FROM } = loadEnv();
  if (!SMTP_URL) return (envNotifier = null);
  const u = new URL(SMTP_URL);
  envNotifier = createSmtpNotifier({
    host: u.hostname,
    port: Number(u.port || (u.protocol === "smtps:" ? 465 : 587)),
    secure: u.protocol === "smtps:",
    user: u.username ? decodeURIComponent(u.username) : null,
    pass: u.password ? decodeURIComponent(u.password) : null,
    from: SMTP_FROM,
  });
  return envNotifier;
}

/** An adapter that always reports an outage: the engine then answers honestly instead of failing. */
export function unavailableAdapter(platform: "shopify" | "woocommerce", error: unknown): PlatformAdapter {
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

async function storeAdapter(store: Store): Promise<PlatformAdapter> {
  try {
    // Padded to the store's usual found-lookup time: "wrong email" and "no such order" cost the same.
    const floor = storeLatencyFloor(store.id);
    const floored = withLatencyFloor(await adapterForStore(store), floor);
    return withOrderMirror(floored, { db: await getDb(), storeId: store.id, floor });
  } catch (error) {
    return unavailableAdapter(store.platform === "shopify" ? "shopify" : "woocommerce", error);
  }
}

/** The engine's view of the store: settings, merged policies (merchant-entered win over the platform's). */
export async function chatStoreFor(
  store: Store,
  settings: BotSettings | null,
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

export async function buildTurnContext(parts: TurnContextParts): Promise<TurnContext> {
  const needsDb = parts.settings === undefined || !parts.repository;
  const db = parts.db ?? (needsDb ? await getDb() : null);
  // read only: settings rows are created at install, connect and save — never by a shopper's turn
  const settings =
    parts.settings !== undefined
      ? parts.settings
      : await db!.botSettings.findUnique({ where: { storeId: parts.store.id } });
  const adapter = parts.adapter ?? (await storeAdapter(parts.store));
  return {
    store: await chatStoreFor(parts.store, settings, adapter),
    adapter,
    repo: parts.repository ?? createPrismaChatRepository(db!),
    shopper: parts.shopper,
    notifier: parts.notifier !== undefined ? parts.notifier : notifierFromEnv(),
    auditKey: hashForAudit("audit-key", "engine"),
    ...(parts.clock ? { now: parts.clock } : {}),
    ...(parts.idGen ? { idGen: parts.idGen } : {}),
    ...(parts.limits ? { limits: parts.limits } : {}),
  };
}
