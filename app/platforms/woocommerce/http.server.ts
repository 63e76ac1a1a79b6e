import { jsonError } from "../../storefront/errors.server";
import { ConnectError } from "./connect.server";

/** Turn ConnectErrors into protocol errors; anything else propagates. */
export async function withConnectErrors(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ConnectError) return jsonError(e.status, e.code, e.message);
    throw e;
  }
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
