/**
 * Self-service actions on WooCommerce (REST v3; needs read_write keys): cancel = PUT status
 * "cancelled" (WooCommerce restocks and writes its own status note), address = PUT `shipping`,
 * return = a private order note (WooCommerce core has no returns; the engine adds a handoff).
 * The order's status is read first: WooCommerce itself lets any status be set, so "only while
 * pending / processing / on-hold" is enforced here. Writes are never retried (no double changes).
 */
import { itemsText, type PlatformActions, type ShippingAddress } from "../../actions/types";
import { PlatformUnavailableError } from "../types";
import { normalizeStoreUrl, type FetchLike, type WooClient } from "./client";
import { oauthNonce, rawurlencode, signOAuthQuery } from "./oauth";

export const CANCELLABLE = new Set(["pending", "processing", "on-hold"]);

export interface WooWriterOptions {
  storeUrl: string;
  consumerKey: string;
  consumerSecret: string;
  timeoutMs?: number;
  fetchImpl?: FetchLike;
  /** epoch ms for oauth_timestamp */
  now?: () => number;
}

interface WooOrderFacts {
  id: number;
  status: string;
  shipping: Record<string, string>;
}

/** One signed write request (PUT/POST with a JSON body). Throws PlatformUnavailableError on outage/auth. */
export function createWooWriter(opts: WooWriterOptions) {
  const base = normalizeStoreUrl(opts.storeUrl);
  const https = base.startsWith("https:");
  const fetchImpl: FetchLike = opts.fetchImpl ?? ((i, init) => fetch(i, init));
  return async function write<T>(
    method: "PUT" | "POST",
    route: string,
    body: unknown,
  ): Promise<{ ok: true; data: T } | { ok: false; status: number; code: string; message: string }> {
    const url = `${base}/wp-json${route}`;
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      Accept: "application/json",
    };
    let full = url;
    if (https)
      headers.Authorization =
        "Basic " + Buffer.from(`${opts.consumerKey}:${opts.consumerSecret}`).toString("base64");
    else {
      const q = signOAuthQuery({
        method,
        baseUrl: url,
        params: {},
        consumerKey: opts.consumerKey,
        consumerSecret: opts.consumerSecret,
        timestamp: Math.floor((opts.now ?? Date.now)() / 1000),
        nonce: oauthNonce(),
      });
      full = `${url}?${Object.entries(q)
        .map(([k, v]) => `${rawurlencode(k)}=${rawurlencode(v)}`)
        .join("&")}`;
    }
    let res: Response;
    try {
      res = await fetchImpl(full, {
        method,
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new PlatformUnavailableError(`Cannot reach the store: ${(e as Error).message}`, "network");
    }
    const json = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    if (res.status === 401 || res.status === 403)
      throw new PlatformUnavailableError(json?.message ?? `HTTP ${res.status}`, "auth");
    if (res.status >= 500) throw new PlatformUnavailableError(`HTTP ${res.status}`, "upstream_error");
    if (res.status >= 400 || !json)
      return {
        ok: false,
        status: res.status,
        code: json?.code ?? `http_${res.status}`,
        message: json?.message ?? "",
      };
    return { ok: true, data: json as T };
  };
}

function toAddress(s: Record<string, string>): ShippingAddress | null {
  if (!s || !s.country) return null;
  return {
    firstName: s.first_name || null,
    lastName: s.last_name || null,
    company: s.company || null,
    address1: s.address_1 ?? "",
    address2: s.address_2 || null,
    city: s.city ?? "",
    province: s.state || null,
    zip: s.postcode ?? "",
    country: s.country,
    phone: s.phone || null,
  };
}

export function createWooActions(
  read: WooClient,
  writer: ReturnType<typeof createWooWriter>,
): PlatformActions {
  const order = (id: string) => read.get<WooOrderFacts>(`/wc/v3/orders/${encodeURIComponent(id)}`);
  const refused = (code: string, message: string) => ({
    ok: false as const,
    kind: "refused" as const,
    code,
    message,
  });
  const note = async (id: string, text: string) => {
    const r = await writer(`POST`, `/wc/v3/orders/${encodeURIComponent(id)}/notes`, {
      note: text,
      customer_note: false,
    });
    if (!r.ok) throw new PlatformUnavailableError(r.message || r.code, "upstream_error");
  };
  return {
    async cancelOrder(req) {
      const o = await order(req.orderId);
      if (!CANCELLABLE.has(o.status)) return refused(`status_${o.status}`, `The order is ${o.status}.`);
      const r = await writer(`PUT`, `/wc/v3/orders/${encodeURIComponent(req.orderId)}`, {
        status: "cancelled",
      });
      return r.ok ? { ok: true } : refused(r.code, r.message);
    },
    async getShippingAddress(orderId) {
      return toAddress((await order(orderId)).shipping);
    },
    async updateShippingAddress(orderId, a) {
      const o = await order(orderId);
      if (!CANCELLABLE.has(o.status)) return refused(`status_${o.status}`, `The order is ${o.status}.`);
      const shipping = {
        first_name: a.firstName ?? "",
        last_name: a.lastName ?? "",
        company: a.company ?? "",
        address_1: a.address1,
        address_2: a.address2 ?? "",
        city: a.city,
        state: a.province ?? "",
        postcode: a.zip,
        country: a.country,
        ...(a.phone ? { phone: a.phone } : {}),
      };
      const r = await writer(`PUT`, `/wc/v3/orders/${encodeURIComponent(orderId)}`, { shipping });
      return r.ok ? { ok: true } : refused(r.code, r.message);
    },
    async requestReturn(req) {
      const o = await order(req.orderId);
      if (o.status !== "completed") return refused(`status_${o.status}`, `The order is ${o.status}.`);
      await note(
        req.orderId,
        `TrulyBot: the shopper asked to return ${req.items?.length ? itemsText(req.items) : "this order"} (reason: ${req.reason}). ${req.note}`,
      );
      return { ok: true, needsHandoff: true };
    },
    addOrderNote: note,
  };
}
