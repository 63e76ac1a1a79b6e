/**
 * One-click WooCommerce connect through WooCommerce's own key authorization (/wc-auth/v1):
 *
 *  WP admin ──Connect──▶ GET  /api/v1/woo/connect/start?store_url&return_url&token
 *  app ──302──▶ {store}/wc-auth/v1/authorize?app_name&scope=read&user_id=<attempt>&return_url&callback_url
 *  WooCommerce ──POST keys──▶ /api/v1/woo/connect/callback        (server to server; must answer exactly 200)
 *  WooCommerce ──302──▶ GET /api/v1/woo/connect/return?attempt   ──302──▶ WP admin ?trulybot_connected=1&store_id&token
 *  plugin ──POST {storeId, token}──▶ /api/v1/woo/connect/exchange  → {storeId, secret} (server to server)
 *
 * The shared secret never passes through the browser; the browser only carries the plugin's own
 * one-time token back to the plugin, and the exchange needs it plus the store id (single use, 15 min).
 */
import crypto from "node:crypto";
import type { Store } from "@prisma/client";
import { getDb } from "../../db.server";
import { loadEnv } from "../../env.server";
import { sealSecret, openSecret } from "../../stores/secrets.server";
import { logActivity } from "../../stores/stores.server";
import { forgetAdapter } from "../adapters.server";
import { sha256Hex, timingSafeEqualHex } from "../../utils/crypto.server";

export const CONNECT_TTL_MS = 15 * 60 * 1000;
export const APP_NAME = "TrulyBot";

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

/** Validate and normalize a store URL: https (or http where allowed), no credentials, no query. */
export function normalizeStoreUrl(raw: string | null): URL {
  let u: URL;
  try {
    u = new URL(String(raw ?? ""));
  } catch {
    throw new ConnectError(400, "bad_store_url", "store_url must be an absolute URL");
  }
  const env = loadEnv();
  const httpOk = env.WOO_ALLOW_HTTP_STORES || env.TRULYBOT_DEMO;
  if (u.protocol !== "https:" && !(u.protocol === "http:" && httpOk)) {
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
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(token))
    throw new ConnectError(400, "bad_token", "token must be 32-128 url-safe characters");

  const db = await getDb();
  const userIdToken = crypto.randomBytes(18).toString("base64url");
  await db.wooConnectAttempt.create({
    data: {
      storeUrl: store.toString().replace(/\/+$/, ""),
      returnUrl: ret.toString(),
      pluginTokenHash: sha256Hex(token),
      pluginToken: sealSecret(token, "woo.connect.pluginToken"),
      userIdToken,
      expiresAt: new Date(Date.now() + CONNECT_TTL_MS),
    },
  });
  // occasional clean-up of abandoned attempts
  if (Math.random() < 0.05)
    await db.wooConnectAttempt.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86400_000) } } });

  const authorize = new URL(store.toString().replace(/\/+$/, "") + "/wc-auth/v1/authorize");
  authorize.searchParams.set("app_name", APP_NAME);
  authorize.searchParams.set("scope", "read");
  authorize.searchParams.set("user_id", userIdToken);
  authorize.searchParams.set(
    "return_url",
    `${appUrl()}/api/v1/woo/connect/return?attempt=${encodeURIComponent(userIdToken)}`,
  );
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
  if (p.key_permissions !== "read" && p.key_permissions !== "read_write")
    throw new ConnectError(400, "bad_permissions", "unexpected key_permissions");
  return p as WooKeyPayload;
}

/** WooCommerce's server POSTs the new key pair here. Any non-200 makes WooCommerce delete the key. */
export async function receiveKeys(rawBody: string): Promise<Store> {
  if (rawBody.length > 8192) throw new ConnectError(400, "too_large", "Body too large");
  const p = parseKeyPayload(rawBody);
  const db = await getDb();
  const attempt = await db.wooConnectAttempt.findUnique({ where: { userIdToken: String(p.user_id) } });
  if (!attempt) throw new ConnectError(400, "unknown_attempt", "Unknown connect attempt");
  if (attempt.expiresAt < new Date()) throw new ConnectError(400, "expired", "Connect attempt expired");
  // single use: only a "started" attempt may receive keys (a replayed callback is refused)
  const claimed = await db.wooConnectAttempt.updateMany({
    where: { id: attempt.id, status: "started" },
    data: { status: "keys_received" },
  });
  if (claimed.count !== 1)
    throw new ConnectError(409, "replayed", "Keys were already received for this attempt");

  const url = new URL(attempt.storeUrl);
  const domain = storeDomain(url);
  const credentials = sealSecret(
    JSON.stringify({
      consumerKey: p.consumer_key,
      consumerSecret: p.consumer_secret,
      keyId: p.key_id,
      permissions: p.key_permissions,
    }),
    "store.credentials",
  );
  const secret = crypto.randomBytes(32).toString("hex");
  const signingSecret = sealSecret(secret, "store.signingSecret");
  const existing = await db.store.findUnique({
    where: { platform_domain: { platform: "woocommerce", domain } },
  });
  let store: Store;
  if (existing) {
    store = await db.store.update({
      where: { id: existing.id },
      data: { credentials, signingSecret, url: attempt.storeUrl, status: "pending", uninstalledAt: null },
    });
  } else {
    store = await db.$transaction(async (tx) => {
      const ws = await tx.workspace.create({ data: { name: url.host } });
      const s = await tx.store.create({
        data: {
          workspaceId: ws.id,
          platform: "woocommerce",
          domain,
          url: attempt.storeUrl,
          name: url.host,
          status: "pending",
          credentials,
          signingSecret,
          installedAt: new Date(),
        },
      });
      await tx.botSettings.create({ data: { storeId: s.id } });
      return s;
    });
  }
  forgetAdapter(store.id);
  await db.wooConnectAttempt.update({ where: { id: attempt.id }, data: { storeId: store.id } });
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "woocommerce",
    action: "store.keys_received",
    details: { keyId: p.key_id },
  });
  return store;
}

/** The browser comes back from WooCommerce's approval screen; send it on to WP admin. */
export async function connectReturn(params: URLSearchParams): Promise<string> {
  const db = await getDb();
  const attempt = await db.wooConnectAttempt.findUnique({
    where: { userIdToken: params.get("attempt") ?? "" },
  });
  if (!attempt)
    throw new ConnectError(
      400,
      "unknown_attempt",
      "Unknown or expired connect attempt. Start again from WP admin.",
    );
  const back = new URL(attempt.returnUrl);
  if (params.get("success") === "0") {
    back.searchParams.set("trulybot_connected", "0");
    back.searchParams.set("error", "denied");
    await db.wooConnectAttempt.update({ where: { id: attempt.id }, data: { status: "failed" } });
    return back.toString();
  }
  if (attempt.status !== "keys_received" || !attempt.storeId || attempt.expiresAt < new Date()) {
    back.searchParams.set("trulybot_connected", "0");
    back.searchParams.set("error", attempt.expiresAt < new Date() ? "expired" : "no_keys");
    return back.toString();
  }
  back.searchParams.set("trulybot_connected", "1");
  back.searchParams.set("store_id", attempt.storeId);
  back.searchParams.set("token", openSecret(attempt.pluginToken, "woo.connect.pluginToken"));
  return back.toString();
}

/** Plugin → app, server to server: trade the one-time token for the store's shared secret. */
export async function exchangeSecret(
  rawBody: string,
): Promise<{ storeId: string; secret: string; dashboardUrl: string }> {
  let j: { storeId?: unknown; token?: unknown };
  try {
    j = JSON.parse(rawBody);
  } catch {
    throw new ConnectError(400, "bad_json", "Body is not valid JSON");
  }
  if (typeof j?.storeId !== "string" || typeof j?.token !== "string")
    throw new ConnectError(400, "bad_body", "storeId and token are required");
  const db = await getDb();
  const attempt = await db.wooConnectAttempt.findFirst({
    where: { storeId: j.storeId, status: "keys_received" },
    orderBy: { createdAt: "desc" },
  });
  if (
    !attempt ||
    attempt.expiresAt < new Date() ||
    !timingSafeEqualHex(attempt.pluginTokenHash, sha256Hex(j.token))
  ) {
    throw new ConnectError(401, "bad_token", "Invalid, expired or already used connect token");
  }
  const claimed = await db.wooConnectAttempt.updateMany({
    where: { id: attempt.id, status: "keys_received" },
    data: { status: "completed", completedAt: new Date() },
  });
  if (claimed.count !== 1)
    throw new ConnectError(401, "bad_token", "Invalid, expired or already used connect token");
  const store = await db.store.update({
    where: { id: j.storeId },
    data: { status: "active", connectedAt: new Date() },
  });
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "woocommerce",
    action: "store.connected",
  });
  return {
    storeId: store.id,
    secret: openSecret(store.signingSecret!, "store.signingSecret"),
    dashboardUrl: `${appUrl()}/dashboard`,
  };
}

/** Signed plugin request: forget the keys and the secret. Returns the WooCommerce key id so the plugin can delete the key. */
export async function disconnectStore(store: Store): Promise<{ keyId: string | number | null }> {
  const db = await getDb();
  let keyId: string | number | null = null;
  try {
    if (store.credentials)
      keyId =
        (JSON.parse(openSecret(store.credentials, "store.credentials")) as { keyId?: string | number })
          .keyId ?? null;
  } catch {
    keyId = null;
  }
  await db.store.update({
    where: { id: store.id },
    data: { status: "disconnected", credentials: null, signingSecret: null, uninstalledAt: new Date() },
  });
  forgetAdapter(store.id);
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "woocommerce",
    action: "store.disconnected",
  });
  return { keyId };
}
