import type { ActionFunctionArgs } from "@remix-run/node";
import { jsonError } from "../storefront/errors.server";
import { exchangeSecret } from "../platforms/woocommerce/connect.server";
import { json, withConnectErrors } from "../platforms/woocommerce/http.server";

/** Plugin → app (server to server): the one-time token for the store's shared secret. */
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST.");
  if (Number(request.headers.get("content-length") ?? 0) > 4096)
    return jsonError(400, "too_large", "Body too large.");
  return withConnectErrors(async () => json(await exchangeSecret(await request.text())));
};
