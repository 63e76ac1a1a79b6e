import type { ActionFunctionArgs } from "@remix-run/node";
import { mintSsoToken } from "../dashboard/session.server";
import { jsonError } from "../storefront/errors.server";
import { verifyWooPluginRequest } from "../platforms/woocommerce/verify.server";
import { json } from "../platforms/woocommerce/http.server";

/** Signed by the plugin for "Open dashboard": a short-lived, single-use link to /dashboard. */
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST.");
  const ctx = await verifyWooPluginRequest(request);
  if (ctx instanceof Response) return ctx;
  let who: { email?: unknown; name?: unknown } = {};
  try {
    who = ctx.body ? JSON.parse(ctx.body) : {};
  } catch {
    return jsonError(400, "bad_json", "Body is not valid JSON.");
  }
  const label = [
    typeof who.name === "string" ? who.name.slice(0, 80) : null,
    typeof who.email === "string" ? `<${who.email.slice(0, 120)}>` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const link = await mintSsoToken(ctx.store.id, label || "WordPress admin");
  return json({ url: link.url, expiresAt: link.expiresAt });
};
