/**
 * One-click WooCommerce connect through WooCommerce's own key authorization (/wc-auth/v1):
 *
 *  WP admin ──Connect──▶ GET  /api/v1/woo/connect/start?store_url&return_url&token
 *  app ──302──▶ {store}/wc-auth/v1/authorize?app_name&scope=read&user_id=<attempt>&return_url&callback_url
 *  (scope=read_write when the plugin's "Reconnect with read/write access" asked for it: `access=read_write`,
 *  for self-service actions; the key must come back with exactly the permission asked for)
 *  WooCommerce ──POST keys──▶ /api/v1/woo/connect/callback        (server to server; must answer exactly 200)
 *  WooCommerce ──302──▶ GET /api/v1/woo/connect/return?attempt&t  ──302──▶ WP admin ?trulybot_connected=1&store_id&token
 *  plugin ──POST {storeId, token}──▶ /api/v1/woo/connect/exchange  → {storeId, secret} (server to server)
 *
 * Proof of control (docs/security.md): the callback is unauthenticated, so the posted keys are only
 * believed after they read orders from the store URL recorded at `start` (the only URL this attempt
 * may ever touch). Attempts are single use and live 10 minutes; the plugin's token is stored only as
 * its SHA-256 and rides back to WP admin inside the return URL we gave WooCommerce. An existing
 * store keeps its signing secret until the plugin signs a request with the new one (see
 * verify.server.ts), so a half-finished re-connect never locks the real plugin out.
 */
import { startInitialMirrorSync } from "../mirror/sync.server";
import crypto from "node:crypto";
import type { Store } from "@prisma/client";
import { getDb } from "../../db.server";
import { loadEnv } from "../../env.server";
import { sealSecret } from "../../stores/secrets.server";
import { logActivity } from "../../stores/stores.server";
import { forgetAdapter } from "../adapters.server";
import { storedKeyId } from "./disconnect.server";
import { sha256Hex, timingSafeEqualHex } from "../../utils/crypto.server";
import { createWooClient } from "./client";

export const CONNECT_TTL_MS = 10 * 60 * 1000;
export const APP_NAME = "TrulyBot";
/** The permission the app asks for by default; a key with another permission than asked is refused. */
export const REQUESTED_SCOPE = "read";
/** What `access` may ask for: read (tracking), read_write (self-service actions, docs/actions.md). */
export const SCOPES = ["read", "read_write"] as const;
export type WooKeyScope = (typeof SCOPES)[number];
const KEY_CHECK_TIMEOUT_MS = 10_000;

export class ConnectError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function appUrl(): string {
  return loadEnv().SHOPIFY_APP_URL.replace(/\/+$/, "");
}

/** Plain-http stores only in the demo, in tests, or when explicitly allowed outside production. */
export function httpStoresAllowed(): boolean {
  const env = loadEnv();
  if (env.TRULYBOT_DEMO || env.NODE_ENV === "test") return true;
  return env.WOO_ALLOW_HTTP_STORES && env.NODE_ENV !== "production";
}

/** Validate and normalize a store URL: https (or http where allowed), no credentials, no query. */
export function normalizeStoreUrl(raw: string | null): URL {
  let u: URL;
  try {
    u = new URL(String(raw ?? ""));
  } catch {
    throw new ConnectError(400, "bad_store_url", "store_url must be an absolute URL");
  }
  if (u.protocol !== "https:" && !(u.protocol === "http:" && httpStoresAllowed())) {
    throw new ConnectError(400, "insecure_store_url", "store_url must use https");
  }
  if (u.username || u.password)
    throw new ConnectError(400, "bad_store_url", "store_url must not contain credentials");
  u.search = "";
  u.hash = "";
  u.pathname = u.pathname.replace(/\/+$/, "");
  return u;
}

export function storeDomain(u: URL): string {
  return (u.host + u.pathname).toLowerCase();
}

const TOKEN_RE = /^[A-Za-z0-9_-]{32,128}$/;

export async function startConnect(params: URLSearchParams): Promise<string> {
  const store = normalizeStoreUrl(params.get("store_url"));
  let ret: URL;
  try {
    ret = new URL(String(params.get("return_url") ?? ""));
  } catch {
    throw new ConnectError(400, "bad_return_url", "return_url must be an absolute URL");
  }
  if (ret.host !== store.host)
    throw new ConnectError(400, "bad_return_url", "return_url must be on the store's host");
  const token = params.get("token") ?? "";
  if (!TOKEN_RE.test(token))
    throw new ConnectError(400, "bad_token", "token must be 32-128 url-safe characters");
  const access = params.get("access") ?? REQUESTED_SCOPE;
  if (!(SCOPES as readonly string[]).includes(access))
    throw new ConnectError(400, "bad_access", 'access must be "read" or "read_write"');

  const db = await getDb();
  const userIdToken = crypto.randomBytes(18).toString("base64url");
  const storeUrl = store.toString().replace(/\/+$/, "");
  await db.wooConnectAttempt.create({
    data: {
      storeUrl,
      returnUrl: ret.toString(),
      pluginTokenHash: sha256Hex(token),
      userIdToken,
      scope: access,
      expiresAt: new Date(Date.now() + CONNECT_TTL_MS),
    },
  });
  // occasional clean-up of abandoned attempts
  if (Math.random() < 0.05)
    await db.wooConnectAttempt.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86400_000) } } });

  const back = new URL(`${appUrl()}/api/v1/woo/connect/return`);
  back.searchParams.set("attempt", userIdToken);
  back.searchParams.set("t", token);
  const authorize = new URL(storeUrl + "/wc-auth/v1/authorize");
  authorize.searchParams.set("app_name", APP_NAME);
  authorize.searchParams.set("scope", access);
  authorize.searchParams.set("user_id", userIdToken);
  authorize.searchParams.set("return_url", back.toString());
  authorize.searchParams.set("callback_url", `${appUrl()}/api/v1/woo/connect/callback`);
  return authorize.toString();
}

interface WooKeyPayload {
  key_id: number | string;
  user_id: number | string;
  consumer_key: string;
  consumer_secret: string;
  key_permissions: string;
}

function parseKeyPayload(raw: string): WooKeyPayload {
  let j: unknown;
  try {
    j = JSON.parse(raw);
  } catch {
    throw new ConnectError(400, "bad_json", "Body is not valid JSON");
  }
  const p = j as Partial<WooKeyPayload>;
  if (!p || typeof p !== "object") throw new ConnectError(400, "bad_body", "Body must be an object");
  if (typeof p.consumer_key !== "string" || !/^ck_[0-9a-f]{40}$/.test(p.consumer_key))
    throw new ConnectError(400, "bad_key", "consumer_key malformed");
  if (typeof p.consumer_secret !== "string" || !/^cs_[0-9a-f]{40}$/.test(p.consumer_secret))
    throw new ConnectError(400, "bad_key", "consumer_secret malformed");
  if (p.user_id == null || String(p.user_id).length > 64)
    throw new ConnectError(400, "bad_user", "user_id missing");
  if (p.key_id != null && !/^\d{1,20}$/.test(String(p.key_id)))
    throw new ConnectError(400, "bad_key", "key_id malformed");
  if (!(SCOPES as readonly string[]).includes(p.key_permissions ?? ""))
    throw new ConnectError(400, "bad_permissions", 'key_permissions must be "read" or "read_write"');
  return p as WooKeyPayload;
}

/**
 * The proof of control: the keys must read orders from the store URL recorded at `start`.
 * Any failure (unknown key, wrong secret, no read permission, unreachable store) refuses them.
 */
export async function keysWorkAgainstStore(storeUrl: string, ck: string, cs: string): Promise<boolean> {
  const client = createWooClient({
    storeUrl,
    consumerKey: ck,
    consumerSecret: cs,
    timeoutMs: KEY_CHECK_TIMEOUT_MS,
    maxRetries: 0,
  });
  try {
    const orders = await client.get<unknown>("/wc/v3/orders", { per_page: 1 });
    return Array.isArray(orders);
  } catch {
    return false;
  }
}

async function claimAttempt(userId: string) {
  const db = await getDb();
  const attempt = await db.wooConnectAttempt.findUnique({ where: { userIdToken: userId } });
  if (!attempt) throw new ConnectError(400, "unknown_attempt", "Unknown connect attempt");
  if (attempt.expiresAt < new Date()) throw new ConnectError(400, "expired", "Connect attempt expired");
  // single use: only a "started" attempt may receive keys, whether or not they turn out to work
  const claimed = await db.wooConnectAttempt.updateMany({
    where: { id: attempt.id, status: "started", expiresAt: { gt: new Date() } },
    data: { status: "verifying" },
  });
  if (claimed.count !== 1)
    throw new ConnectError(409, "replayed", "Keys were already received for this attempt");
  return attempt;
}

/** WooCommerce's server POSTs the new key pair here. Any non-200 makes WooCommerce delete the key. */
export async function receiveKeys(rawBody: string): Promise<Store> {
  if (rawBody.length > 8192) throw new ConnectError(400, "too_large", "Body too large");
  const p = parseKeyPayload(rawBody);
  const attempt = await claimAttempt(String(p.user_id));
  const db = await getDb();
  if (p.key_permissions !== attempt.scope) {
    await db.wooConnectAttempt.update({ where: { id: attempt.id }, data: { status: "failed" } });
    throw new ConnectError(400, "bad_permissions", `key_permissions must be "${attempt.scope}"`);
  }
  if (!(await keysWorkAgainstStore(attempt.storeUrl, p.consumer_key, p.consumer_secret))) {
    await db.wooConnectAttempt.update({ where: { id: attempt.id }, data: { status: "failed" } });
    throw new ConnectError(400, "keys_not_valid", "These keys do not read orders from the store");
  }
  const credentials = sealSecret(
    JSON.stringify({
      consumerKey: p.consumer_key,
      consumerSecret: p.consumer_secret,
      keyId: p.key_id,
      permissions: p.key_permissions,
    }),
    "store.credentials",
  );
  const store = await saveVerifiedKeys(attempt.storeUrl, credentials);
  forgetAdapter(store.id);
  await db.wooConnectAttempt.update({
    where: { id: attempt.id },
    data: { storeId: store.id, status: "keys_received" },
  });
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "woocommerce",
    action: "store.keys_received",
    details: { keyId: p.key_id },
  });
  return store;
}

/** Verified keys replace the old ones; the signing secret and status change only at the exchange. */
async function saveVerifiedKeys(storeUrl: string, credentials: string): Promise<Store> {
  const db = await getDb();
  const url = new URL(storeUrl);
  const domain = storeDomain(url);
  const existing = await db.store.findUnique({
    where: { platform_domain: { platform: "woocommerce", domain } },
  });
  if (existing) {
    const connected = existing.status === "active" && !!existing.signingSecret;
    return db.store.update({
      where: { id: existing.id },
      data: { credentials, url: storeUrl, ...(connected ? {} : { status: "pending", uninstalledAt: null }) },
    });
  }
  return db.$transaction(async (tx) => {
    const ws = await tx.workspace.create({ data: { name: url.host } });
    const s = await tx.store.create({
      data: {
        workspaceId: ws.id,
        platform: "woocommerce",
        domain,
        url: storeUrl,
        name: url.host,
        status: "pending",
        credentials,
        installedAt: new Date(),
      },
    });
    await tx.botSettings.create({ data: { storeId: s.id } });
    return s;
  });
}

/** The browser comes back from WooCommerce's approval screen; send it on to WP admin. */
export async function connectReturn(params: URLSearchParams): Promise<string> {
  const db = await getDb();
  const attempt = await db.wooConnectAttempt.findUnique({
    where: { userIdToken: params.get("attempt") ?? "" },
  });
  const token = params.get("t") ?? "";
  if (!attempt || !TOKEN_RE.test(token) || !timingSafeEqualHex(attempt.pluginTokenHash, sha256Hex(token)))
    throw new ConnectError(
      400,
      "unknown_attempt",
      "Unknown or expired connect attempt. Start again from WP admin.",
    );
  const back = new URL(attempt.returnUrl);
  const expired = attempt.expiresAt < new Date();
  if (params.get("success") === "0") {
    back.searchParams.set("trulybot_connected", "0");
    back.searchParams.set("error", "denied");
    await db.wooConnectAttempt.updateMany({
      where: { id: attempt.id, status: "started" },
      data: { status: "failed" },
    });
    return back.toString();
  }
  if (attempt.status !== "keys_received" || !attempt.storeId || expired) {
    back.searchParams.set("trulybot_connected", "0");
    back.searchParams.set("error", expired ? "expired" : "no_keys");
    return back.toString();
  }
  back.searchParams.set("trulybot_connected", "1");
  back.searchParams.set("store_id", attempt.storeId);
  back.searchParams.set("token", token);
  return back.toString();
}

function parseExchange(rawBody: string): { storeId: string; token: string } {
  let j: { storeId?: unknown; token?: unknown };
  try {
    j = JSON.parse(rawBody);
  } catch {
    throw new ConnectError(400, "bad_json", "Body is not valid JSON");
  }
  if (typeof j?.storeId !== "string" || typeof j?.token !== "string")
    throw new ConnectError(400, "bad_body", "storeId and token are required");
  return { storeId: j.storeId, token: j.token };
}

/**
 * Plugin → app, server to server: trade the one-time token for the store's shared secret.
 * A store that already has a secret gets the new one as *pending*: the old one keeps working until
 * the plugin signs a request with the new one.
 */
export async function exchangeSecret(rawBody: string): Promise<{
  storeId: string;
  secret: string;
  dashboardUrl: string;
  keyAccess: string;
  keyId: string | number | null;
}> {
  const { storeId, token } = parseExchange(rawBody);
  const db = await getDb();
  const attempt = await db.wooConnectAttempt.findFirst({
    where: { storeId, status: "keys_received" },
    orderBy: { createdAt: "desc" },
  });
  const bad = () => new ConnectError(401, "bad_token", "Invalid, expired or already used connect token");
  if (!attempt || attempt.expiresAt < new Date()) throw bad();
  if (!timingSafeEqualHex(attempt.pluginTokenHash, sha256Hex(token))) throw bad();
  const claimed = await db.wooConnectAttempt.updateMany({
    where: { id: attempt.id, status: "keys_received" },
    data: { status: "completed", completedAt: new Date() },
  });
  if (claimed.count !== 1) throw bad();
  const current = await db.store.findUniqueOrThrow({ where: { id: storeId } });
  const secret = crypto.randomBytes(32).toString("hex");
  const sealed = sealSecret(secret, "store.signingSecret");
  const rotating = current.status === "active" && !!current.signingSecret;
  const store = await db.store.update({
    where: { id: storeId },
    data: rotating
      ? { pendingSigningSecret: sealed }
      : { signingSecret: sealed, pendingSigningSecret: null, status: "active", connectedAt: new Date() },
  });
  forgetAdapter(store.id);
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "woocommerce",
    action: rotating ? "store.secret_pending" : "store.connected",
  });
  if (!rotating) await startInitialMirrorSync(store.id); // the order mirror's initial sync, as a job
  // keyAccess: the permission of the keys this connect gave (the plugin offers read_write for self-service);
  // keyId: WooCommerce's id of those keys, so the plugin can delete the ones they replace (reconnect)
  return {
    storeId: store.id,
    secret,
    dashboardUrl: `${appUrl()}/dashboard`,
    keyAccess: attempt.scope,
    keyId: storedKeyId(store),
  };
}
