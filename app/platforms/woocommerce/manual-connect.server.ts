/**
 * Manual WooCommerce connection (the plugin's "Connect manually" fallback, for stores where the
 * one-click /wc-auth/v1 flow cannot complete — e.g. the store's callback to the app is blocked).
 * Support runs `npm run trulybot -- connect-woo --store-url URL --consumer-key CK --consumer-secret CS`
 * with a read-only key pair the merchant created in WooCommerce → Settings → Advanced → REST API; the
 * app checks the keys against the store, stores them encrypted and prints the store id and shared
 * secret the merchant pastes into WooCommerce → TrulyBot → Connect manually.
 */
import { startInitialMirrorSync } from "../mirror/sync.server";
import crypto from "node:crypto";
import { getDb } from "../../db.server";
import { createWooAdapter } from "./adapter";
import { createWooClient } from "./client";
import { sealSecret } from "../../stores/secrets.server";
import { logActivity } from "../../stores/stores.server";
import { forgetAdapter } from "../adapters.server";
import { normalizeStoreUrl, storeDomain } from "./connect.server";

export async function connectWooManually(input: {
  storeUrl?: string;
  consumerKey?: string;
  consumerSecret?: string;
}) {
  if (!input.storeUrl || !input.consumerKey || !input.consumerSecret) {
    return { ok: false as const, error: "--store-url, --consumer-key and --consumer-secret are required" };
  }
  if (
    !/^ck_[A-Za-z0-9]{20,64}$/.test(input.consumerKey) ||
    !/^cs_[A-Za-z0-9]{20,64}$/.test(input.consumerSecret)
  ) {
    return {
      ok: false as const,
      error: "keys must look like ck_<40 hex> / cs_<40 hex> (WooCommerce → Settings → Advanced → REST API)",
    };
  }
  const url = normalizeStoreUrl(input.storeUrl);
  const storeUrl = url.toString().replace(/\/+$/, "");
  const client = createWooClient({
    storeUrl,
    consumerKey: input.consumerKey,
    consumerSecret: input.consumerSecret,
  });
  let info;
  try {
    info = await createWooAdapter({ client, storeUrl }).getStoreInfo();
    await client.get("/wc/v3/orders", { per_page: 1 });
  } catch (e) {
    return { ok: false as const, error: `the keys do not work against ${storeUrl}: ${(e as Error).message}` };
  }
  const db = await getDb();
  const domain = storeDomain(url);
  const secret = crypto.randomBytes(32).toString("hex");
  const data = {
    url: storeUrl,
    name: info.name || url.host,
    status: "active",
    currency: info.currency || null,
    timezone: info.timezone || null,
    credentials: sealSecret(
      JSON.stringify({ consumerKey: input.consumerKey, consumerSecret: input.consumerSecret, keyId: null }),
      "store.credentials",
    ),
    signingSecret: sealSecret(secret, "store.signingSecret"),
    connectedAt: new Date(),
    uninstalledAt: null,
  };
  const existing = await db.store.findUnique({
    where: { platform_domain: { platform: "woocommerce", domain } },
  });
  const store = existing
    ? await db.store.update({ where: { id: existing.id }, data })
    : await db.$transaction(async (tx) => {
        const ws = await tx.workspace.create({ data: { name: data.name } });
        const s = await tx.store.create({
          data: { ...data, workspaceId: ws.id, platform: "woocommerce", domain, installedAt: new Date() },
        });
        await tx.botSettings.create({ data: { storeId: s.id } });
        return s;
      });
  forgetAdapter(store.id);
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "support",
    action: "store.connected_manually",
  });
  await startInitialMirrorSync(store.id); // the order mirror's initial sync, as a job
  return {
    ok: true as const,
    storeId: store.id,
    secret,
    store: { name: store.name, url: storeUrl, currency: store.currency, timezone: store.timezone },
  };
}
