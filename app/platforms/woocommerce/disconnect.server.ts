/**
 * Disconnect (signed plugin request, or the dashboard): forget the keys and the secret; and the id of
 * the WooCommerce key the stored credentials hold, which the plugin deletes on disconnect and keeps
 * (deleting the keys it replaces) after a reconnect (docs/contracts.md, connect exchange).
 */
import type { Store } from "@prisma/client";
import { getDb } from "../../db.server";
import { openSecret } from "../../stores/secrets.server";
import { logActivity } from "../../stores/stores.server";
import { forgetAdapter } from "../adapters.server";

/** WooCommerce's id of the key the store's stored credentials hold (null for manual keys or unreadable ones). */
export function storedKeyId(store: Pick<Store, "credentials">): string | number | null {
  try {
    if (!store.credentials) return null;
    return (
      (JSON.parse(openSecret(store.credentials, "store.credentials")) as { keyId?: string | number }).keyId ??
      null
    );
  } catch {
    return null;
  }
}

/** Signed plugin request: forget the keys and the secret. Returns the WooCommerce key id so the plugin can delete the key. */
export async function disconnectStore(store: Store): Promise<{ keyId: string | number | null }> {
  const db = await getDb();
  const keyId = storedKeyId(store);
  await db.store.update({
    where: { id: store.id },
    data: {
      status: "disconnected",
      credentials: null,
      signingSecret: null,
      pendingSigningSecret: null,
      uninstalledAt: new Date(),
    },
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
