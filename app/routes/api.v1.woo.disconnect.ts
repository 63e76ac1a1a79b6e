import type { ActionFunctionArgs } from "@remix-run/node";
import { jsonError } from "../storefront/errors.server";
import { verifyWooPluginRequest } from "../platforms/woocommerce/verify.server";
import { disconnectStore } from "../platforms/woocommerce/disconnect.server";
import { json } from "../platforms/woocommerce/http.server";

/** Signed by the plugin: forget this store's keys and secret; returns the key id the plugin then deletes in WooCommerce. */
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST.");
  const ctx = await verifyWooPluginRequest(request, ["active", "pending"]);
  if (ctx instanceof Response) return ctx;
  const { keyId } = await disconnectStore(ctx.store);
  return json({ ok: true, keyId });
};
