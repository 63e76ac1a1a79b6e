import { getDb } from "../db.server";
import { mintSsoToken } from "../dashboard/session.server";

/** Mint a single-use SSO link to /dashboard for a store (default: the first WooCommerce store, else the first store). */
export async function mintDashboardLink({ storeId }: { storeId?: string }) {
  const db = await getDb();
  const store = storeId
    ? await db.store.findUnique({ where: { id: storeId } })
    : ((await db.store.findFirst({
        where: { platform: "woocommerce", status: "active" },
        orderBy: { createdAt: "asc" },
      })) ?? (await db.store.findFirst({ orderBy: { createdAt: "asc" } })));
  if (!store) return { ok: false as const, error: "no store found (connect one first, or run npm run demo)" };
  const link = await mintSsoToken(store.id, "support (CLI)");
  return { ok: true as const, storeId: store.id, url: link.url, expiresAt: link.expiresAt };
}
