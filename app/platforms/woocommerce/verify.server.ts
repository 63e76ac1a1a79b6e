/** Verifies plugin → app requests (CONTRACTS.md §2) against the store's stored secret. */
import type { Store } from "@prisma/client";
import { getDb } from "../../db.server";
import { rememberNonce } from "../../security/nonces.server";
import { verifyWooRequest } from "./signature.server";
import { openSecret } from "../../stores/secrets.server";
import { jsonError } from "../../storefront/errors.server";

export interface WooRequestContext {
  store: Store;
  customerId: string | null;
  shopper: string | null;
  body: string;
}

export function wooStoreSecret(store: Pick<Store, "signingSecret">): string | null {
  return store.signingSecret ? openSecret(store.signingSecret, "store.signingSecret") : null;
}

/**
 * @param allowStatuses store statuses accepted (storefront: only "active"; disconnect also "pending")
 */
export async function verifyWooPluginRequest(
  request: Request,
  allowStatuses: string[] = ["active"],
): Promise<WooRequestContext | Response> {
  const db = await getDb();
  let store: Store | null = null;
  const result = await verifyWooRequest(request, {
    secretFor: async (storeId) => {
      store = await db.store.findUnique({ where: { id: storeId } });
      if (!store || store.platform !== "woocommerce" || !allowStatuses.includes(store.status)) return null;
      return wooStoreSecret(store);
    },
    rememberNonce: (storeId, nonce, ttl) => rememberNonce(db, storeId, nonce, ttl),
  });
  if (!result.ok) return jsonError(result.status, result.code, result.message);
  return { store: store!, customerId: result.customer, shopper: result.shopper, body: result.body };
}
