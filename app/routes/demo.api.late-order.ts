import type { ActionFunctionArgs } from "@remix-run/node";
import { demoLateOrder } from "../demo/late-order.server";
import { requireDemoMode } from "../demo/demo.server";
import { loadEnv } from "../env.server";
import { jsonError } from "../storefront/errors.server";

/** POST /demo/api/late-order {order} (demo only): ship a Shopify demo order whose ETA has passed, and deliver its webhook. */
export const action = async ({ request }: ActionFunctionArgs) => {
  requireDemoMode();
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST.");
  let body: { order?: unknown };
  try {
    body = JSON.parse(await request.text());
  } catch {
    return jsonError(400, "bad_json", "Body is not valid JSON.");
  }
  if (typeof body?.order !== "string" || !/^#?\d{1,10}$/.test(body.order))
    return jsonError(400, "invalid_order", 'order is required, e.g. "#1001".');
  return demoLateOrder(body.order, `http://127.0.0.1:${loadEnv().PORT}`);
};

export const loader = () => jsonError(405, "method_not_allowed", "Use POST.");
