/**
 * The one composition root of a chat turn: store → settings (read only; defaults in memory when the
 * store has no row yet) → platform adapter (with its production timeouts) → policies → repository →
 * notifier → clock. The storefront routes call it with the request's store and shopper; tests call it
 * with their own parts (a short-timeout adapter, a test database, a fixed clock) and so run the same
 * wiring as production.
 */
import type { BotSettings, Store } from "@prisma/client";
import { cachedSettings, storefrontCaches } from "../cache/storefront.server";
import { getDb, type Db } from "../db.server";
import { loadEnv } from "../env.server";
import type { StorePolicies } from "../orders/types";
import { adapterForStore } from "../platforms/adapters.server";
import { withOrderMirror } from "../platforms/mirror/adapter.server";
import { storeLatencyFloor, withLatencyFloor } from "../security/latency-floor";
import {
  needsStepUp,
  normalizeOrderNumberForLimits,
  reserveLookup,
  type ReleaseLookups,
} from "../security/lookup-guard.server";
import { PlatformUnavailableError, type PlatformAdapter } from "../platforms/types";
import { hashForAudit } from "../stores/secrets.server";
import { handleTurn, type ChatStore, type LookupGuard, type TurnContext } from "./engine";
import type { MessagesRequest, MessagesResponse } from "../protocol";
import type { HandoffNotifier } from "./notify";
import { createSmtpNotifier } from "./notify.server";
import type { ChatRepository } from "./repository";
import { createPrismaChatRepository } from "./repository.server";
import { chatStoreFromRecords } from "./store-context";
import { selfServiceFor } from "../actions/context.server";
import type { SelfService } from "../actions/service";
import { createTurnRepository } from "./turn-repository.server";

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
  /** the lookup guard (over `db` when absent) */
  lookups?: LookupGuard;
  /** the database for settings and the repository (getDb() when absent) */
  db?: Db;
  /** one-time codes and actions (null: none); built over the database and adapter when undefined */
  selfService?: SelfService | null;
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

/** The platform's policies change on the platform (no write here): kept at most this long. */
export const POLICIES_MAX_AGE_MS = 5 * 60 * 1000;

async function platformPolicies(adapter: PlatformAdapter): Promise<StorePolicies> {
  try {
    return await adapter.getPolicies();
  } catch {
    // policies are a nicety; an outage is handled when an order is looked up
    return {};
  }
}

/**
 * The engine's view of the store: settings, merged policies (merchant-entered win over the
 * platform's). With `db`, the platform's policies come from the store's versioned cache (one
 * platform call per store every POLICIES_MAX_AGE_MS at most, not one per turn).
 */
export async function chatStoreFor(
  store: Store,
  settings: BotSettings | null,
  adapter: PlatformAdapter,
  db?: Db,
): Promise<ChatStore> {
  const policies = db
    ? await storefrontCaches(db).policies.get(
        store.id,
        () => platformPolicies(adapter),
        `${adapter.capabilities.platform}:${Math.floor(Date.now() / POLICIES_MAX_AGE_MS)}`,
      )
    : await platformPolicies(adapter);
  return chatStoreFromRecords(store, settings, policies);
}

/**
 * The lookup limits and step-up thresholds over one database (shared by every app instance). The
 * reservation reads the step-up counters in its own statement; the check right after it (the
 * engine asks it next, for the same order) is answered from that read, once. `releaseVerified`:
 * where a verified lookup's give-back is written (the turn's write transaction in runTurn).
 */
export function lookupGuardFor(db: Db, releaseVerified?: ReleaseLookups): LookupGuard {
  const readWithReservation = new Map<string, boolean>();
  const key = (storeId: string, n: string) => `${storeId}\n${normalizeOrderNumberForLimits(n)}`;
  return {
    reserve: async (scope, now) => {
      const r = await reserveLookup(db, scope, now, releaseVerified);
      readWithReservation.set(key(scope.storeId, scope.orderNumber), r.stepUp);
      return r;
    },
    needsStepUp: async (storeId, orderNumber, now) => {
      const k = key(storeId, orderNumber);
      const known = readWithReservation.get(k);
      readWithReservation.delete(k);
      return known ?? needsStepUp(storeId, orderNumber, now, db);
    },
  };
}

let auditKeyMemo: { keys: unknown; value: string } | null = null;
/** The engine's audit key: an HMAC of the configured keys, computed once per configuration. */
function engineAuditKey(): string {
  const keys = loadEnv().ENCRYPTION_KEYS;
  if (auditKeyMemo?.keys !== keys) auditKeyMemo = { keys, value: hashForAudit("audit-key", "engine") };
  return auditKeyMemo.value;
}

export async function buildTurnContext(parts: TurnContextParts): Promise<TurnContext> {
  const needsDb = parts.settings === undefined || !parts.repository;
  const db = parts.db ?? (needsDb ? await getDb() : null);
  // read only: settings rows are created at install, connect and save — never by a shopper's turn.
  // Settings (versioned cache) and the adapter are independent: fetched in parallel.
  const [settings, adapter] = await Promise.all([
    parts.settings !== undefined ? parts.settings : cachedSettings(db!, parts.store.id),
    parts.adapter ?? storeAdapter(parts.store),
  ]);
  return {
    store: await chatStoreFor(parts.store, settings, adapter, db ?? undefined),
    adapter,
    repo: parts.repository ?? createPrismaChatRepository(db!),
    shopper: parts.shopper,
    lookups: parts.lookups ?? lookupGuardFor(db ?? (await getDb())),
    notifier: parts.notifier !== undefined ? parts.notifier : notifierFromEnv(),
    auditKey: engineAuditKey(),
    selfService:
      parts.selfService !== undefined
        ? parts.selfService
        : selfServiceFor(db ?? (await getDb()), adapter, parts.clock),
    ...(parts.clock ? { now: parts.clock } : {}),
    ...(parts.idGen ? { idGen: parts.idGen } : {}),
  };
}

/**
 * One storefront turn: the context with a turn repository (reads now, writes collected), the
 * engine, then the turn's writes in one transaction before the answer is returned.
 */
export async function runTurn(
  parts: Omit<TurnContextParts, "repository"> & { db: Db },
  request: MessagesRequest,
): Promise<MessagesResponse> {
  const repository = createTurnRepository(parts.db);
  const lookups = parts.lookups ?? lookupGuardFor(parts.db, repository.releaseAtFlush);
  const ctx = await buildTurnContext({ ...parts, repository, lookups });
  const result = await handleTurn(ctx, request);
  await repository.flush();
  return result;
}
