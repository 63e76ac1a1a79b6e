/** Verifies plugin → app requests (CONTRACTS.md §2) against the store's stored secret. */
import type { Store } from "@prisma/client";
import { getDb } from "../../db.server";
import { rememberNonce } from "../../security/nonces.server";
import { verifyWooRequest } from "./signature.server";
import { openSecret } from "../../stores/secrets.server";
import { jsonError } from "../../storefront/errors.server";
import { logActivity } from "../../stores/stores.server";

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
    pendingSecretFor: async () => {
      const s = store as Store | null;
      return s?.pendingSigningSecret ? openSecret(s.pendingSigningSecret, "store.signingSecret") : null;
    },
    rememberNonce: (storeId, nonce, ttl) => rememberNonce(db, storeId, nonce, ttl),
  });
  if (!result.ok) return jsonError(result.status, result.code, result.message);
  const verified = result.pendingSecret ? await promotePendingSecret(store!) : store!;
  return { store: verified, customerId: result.customer, shopper: result.shopper, body: result.body };
}

/**
 * The plugin signed with the re-connect's new secret: it has it, so the new secret becomes the only
 * one (the old one stops working). Conditional on the same pending value, so it happens once.
 */
export async function promotePendingSecret(store: Store): Promise<Store> {
  const db = await getDb();
  await db.store.updateMany({
    where: { id: store.id, pendingSigningSecret: store.pendingSigningSecret },
    data: { signingSecret: store.pendingSigningSecret, pendingSigningSecret: null },
  });
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "woocommerce",
    action: "store.secret_confirmed",
  });
  return db.store.findUniqueOrThrow({ where: { id: store.id } });
}
