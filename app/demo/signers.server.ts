/**
 * Demo-only signers (TRULYBOT_DEMO=1): the demo storefront pages talk to the REAL proxy routes
 * through these, which sign exactly as Shopify's app proxy and the WordPress plugin do. They are
 * 404 outside demo mode.
 */
import crypto from "node:crypto";
import { getDb } from "../db.server";
import { loadEnv } from "../env.server";
import { signAppProxy } from "../platforms/shopify/proxy-signature";
import { signedHeaders } from "../platforms/woocommerce/signature.server";
import { openSecret } from "../stores/secrets.server";
import { DEMO_SHOPIFY_SHOP, requireDemoMode } from "./demo.server";

export const DEMO_WOO_DOMAIN = "demo-woo.localhost";

function selfOrigin() {
  return `http://127.0.0.1:${loadEnv().PORT}`;
}

export function demoCustomer(request: Request, platform: "shopify" | "woocommerce"): string {
  const cookie = request.headers.get("cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)demo_customer_${platform}=(\\d{1,20})`).exec(cookie);
  return m ? m[1] : "";
}

function forwardHeaders(request: Request): Record<string, string> {
  const h: Record<string, string> = {};
  for (const name of ["content-type", "if-none-match", "user-agent", "accept-language"]) {
    const v = request.headers.get(name);
    if (v) h[name] = v;
  }
  h["x-forwarded-for"] = request.headers.get("x-forwarded-for") ?? "127.0.0.1";
  return h;
}

async function relay(upstream: Response): Promise<Response> {
  const headers = new Headers();
  for (const name of ["content-type", "etag", "cache-control", "retry-after"]) {
    const v = upstream.headers.get(name);
    if (v) headers.set(name, v);
  }
  return new Response(upstream.status === 304 ? null : await upstream.arrayBuffer(), {
    status: upstream.status,
    headers,
  });
}

export async function shopifyDemoProxy(request: Request, subpath: string): Promise<Response> {
  requireDemoMode();
  const incoming = new URL(request.url);
  const params: Record<string, string> = {};
  for (const [k, v] of incoming.searchParams) params[k] = k in params ? `${params[k]},${v}` : v;
  Object.assign(params, {
    shop: DEMO_SHOPIFY_SHOP,
    logged_in_customer_id: demoCustomer(request, "shopify"),
    path_prefix: "/apps/trulybot",
    timestamp: String(Math.floor(Date.now() / 1000)),
  });
  const target = new URL(`${selfOrigin()}/proxy/${subpath}`);
  for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
  target.searchParams.set("signature", signAppProxy(target.searchParams, loadEnv().SHOPIFY_API_SECRET));
  const body = request.method === "POST" ? await request.text() : undefined;
  return relay(
    await fetch(target, {
      method: request.method,
      headers: forwardHeaders(request),
      body,
      redirect: "manual",
    }),
  );
}

export async function wooDemoProxy(request: Request, subpath: string): Promise<Response> {
  requireDemoMode();
  const db = await getDb();
  const store = await db.store.findUnique({
    where: { platform_domain: { platform: "woocommerce", domain: DEMO_WOO_DOMAIN } },
  });
  if (!store?.signingSecret) return new Response("demo store missing", { status: 503 });
  const secret = openSecret(store.signingSecret, "store.signingSecret");
  const incoming = new URL(request.url);
  const path = `/api/v1/woo/storefront/${subpath}${incoming.search}`;
  const body = request.method === "POST" ? await request.text() : "";
  const ua = request.headers.get("user-agent") ?? "";
  const ip = request.headers.get("x-forwarded-for") ?? "127.0.0.1";
  const shopper = crypto
    .createHash("sha256")
    .update(ip + ua + secret)
    .digest("hex");
  const headers = {
    ...forwardHeaders(request),
    ...signedHeaders(store.id, secret, {
      method: request.method,
      pathWithQuery: path,
      body,
      customer: demoCustomer(request, "woocommerce"),
      shopper,
    }),
  };
  return relay(
    await fetch(`${selfOrigin()}${path}`, {
      method: request.method,
      headers,
      body: request.method === "POST" ? body : undefined,
    }),
  );
}
