import type { ActionFunctionArgs } from "@remix-run/node";
import { jsonError } from "../storefront/errors.server";
import { receiveKeys } from "../platforms/woocommerce/connect.server";
import { json, withConnectErrors } from "../platforms/woocommerce/http.server";

/** WooCommerce POSTs the new key pair here (server to server). It must get exactly HTTP 200, or it deletes the key. */
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST.");
  return withConnectErrors(async () => {
    await receiveKeys(await request.text());
    return json({ ok: true }, 200);
  });
};
