/** The per-store secret WooCommerce signs its webhooks with (sent by the plugin, sealed at rest). */
import { getDb } from "../../../db.server";
import { loadEnv } from "../../../env.server";
import { openSecret, sealSecret } from "../../../stores/secrets.server";
import { forgetVerifier } from "./verifier-cache.server";

const PURPOSE = "store.wooWebhookSecret";

export async function saveWooWebhookSecret(storeId: string, secret: string): Promise<void> {
  const db = await getDb();
  const sealed = sealSecret(secret, PURPOSE);
  await db.wooWebhookSecret.upsert({
    where: { storeId },
    create: { storeId, secret: sealed },
    update: { secret: sealed },
  });
  forgetVerifier(storeId);
}

export async function wooWebhookSecret(storeId: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.wooWebhookSecret.findUnique({ where: { storeId } });
  return row ? openSecret(row.secret, PURPOSE) : null;
}

/** Where the plugin points its webhooks: the store is named in the query (docs/decisions/0020-job-queue.md). */
export function wooWebhookDeliveryUrl(storeId: string): string {
  const base = loadEnv().SHOPIFY_APP_URL.replace(/\/+$/, "");
  return `${base}/api/v1/woo/webhooks?store=${encodeURIComponent(storeId)}`;
}

/** A webhook secret the plugin may register: 32–128 printable ASCII characters without quotes or ampersands. */
export function isAcceptableWebhookSecret(v: unknown): v is string {
  return typeof v === "string" && /^[A-Za-z0-9._~+/=-]{32,128}$/.test(v);
}

/**
 * One-click connect names a new store by its host; the plugin sends the site title with the
 * webhook secret. Rename the store (and its workspace) only while it still carries that default.
 */
export async function nameStoreBySiteTitle(
  store: { id: string; name: string; domain: string; url: string | null; workspaceId: string },
  siteTitle: unknown,
): Promise<void> {
  if (typeof siteTitle !== "string") return;
  const printable = [...siteTitle].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f);
  const title = printable.join("").trim().slice(0, 120);
  if (!title) return;
  const host = store.url ? safeHost(store.url) : null;
  const isDefault = (name: string) => name === store.domain || (host !== null && name === host);
  if (!isDefault(store.name) || title === store.name) return;
  const db = await getDb();
  await db.store.update({ where: { id: store.id }, data: { name: title } });
  const ws = await db.workspace.findUnique({ where: { id: store.workspaceId } });
  if (ws && isDefault(ws.name)) await db.workspace.update({ where: { id: ws.id }, data: { name: title } });
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
