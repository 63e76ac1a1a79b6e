/**
 * Order writes of the WooCommerce REST v3 emulator (what self-service actions use), following the REST
 * contract: PUT /wc/v3/orders/{id} (status, shipping — unknown statuses are 400 rest_invalid_param,
 * like the item schema's enum), POST /wc/v3/orders/{id}/notes (201). A status change adds
 * WooCommerce's own system note ("Order status changed from Processing to Cancelled."). Note that
 * WooCommerce itself allows ANY status change through REST: the app must check before it writes.
 */
import type { IncomingMessage } from "node:http";
import type { WooOrder, WooOrderNote } from "../../../app/platforms/woocommerce/types";

/** A read_write key (self-service actions need write access; the demo store's connect granted it). */
export const WOO_RW_KEY = {
  consumerKey: "ck_rw00000000000000000000000000000000000rw1",
  consumerSecret: "cs_rw00000000000000000000000000000000000rw2",
  permissions: "read_write" as const,
};

const STATUSES = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed"];
const LABEL: Record<string, string> = {
  pending: "Pending payment",
  processing: "Processing",
  "on-hold": "On hold",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
  failed: "Failed",
};
const SHIPPING_FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "state",
  "postcode",
  "country",
  "phone",
];

export interface WriteData {
  orders: WooOrder[];
  notes?: Record<string, WooOrderNote[]>;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (s += c));
    req.on("end", () => resolve(s));
    req.on("error", reject);
  });
}

const invalidId = {
  code: "woocommerce_rest_shop_order_invalid_id",
  message: "Invalid ID.",
  data: { status: 400 },
};

function wpDate(ms: number): { local: string; gmt: string } {
  const gmt = new Date(ms).toISOString().slice(0, 19);
  return { local: gmt, gmt };
}

let nextNoteId = 90_000;

function addNote(
  data: WriteData,
  orderId: number,
  note: string,
  customer: boolean,
  author: string,
  at: number,
) {
  const d = wpDate(at);
  const n: WooOrderNote = {
    id: ++nextNoteId,
    author,
    date_created: d.local,
    date_created_gmt: d.gmt,
    note,
    customer_note: customer,
  };
  data.notes ??= {};
  (data.notes[String(orderId)] ??= []).push(n);
  return n;
}

function updateOrder(data: WriteData, o: WooOrder, body: Record<string, unknown>, at: number) {
  if (body.status !== undefined) {
    const s = String(body.status);
    if (!STATUSES.includes(s))
      return {
        status: 400,
        body: {
          code: "rest_invalid_param",
          message: "Invalid parameter(s): status",
          data: { status: 400, params: { status: `status is not one of ${STATUSES.join(", ")}.` } },
        },
      };
    const from = String(o.status);
    if (s !== from) {
      addNote(
        data,
        Number(o.id),
        `Order status changed from ${LABEL[from] ?? from} to ${LABEL[s]}.`,
        false,
        "system",
        at,
      );
      (o as Record<string, unknown>).status = s;
    }
  }
  if (body.shipping && typeof body.shipping === "object") {
    const cur = ((o as Record<string, unknown>).shipping ?? {}) as Record<string, string>;
    for (const f of SHIPPING_FIELDS) {
      const v = (body.shipping as Record<string, unknown>)[f];
      if (v !== undefined) cur[f] = String(v);
    }
    (o as Record<string, unknown>).shipping = cur;
  }
  const d = wpDate(at);
  (o as Record<string, unknown>).date_modified = d.local;
  (o as Record<string, unknown>).date_modified_gmt = d.gmt;
  return null;
}

/** PUT/POST on an order route, or null when the route is not a write this emulator knows. */
export async function handleOrderWrite(
  req: IncomingMessage,
  method: string,
  route: string,
  data: WriteData,
  render: (o: WooOrder) => unknown,
  now: number,
): Promise<{ status: number; body: unknown } | null> {
  const order = /^\/wc\/v3\/orders\/(\d+)$/.exec(route);
  const notes = /^\/wc\/v3\/orders\/(\d+)\/notes$/.exec(route);
  if (!(order && (method === "PUT" || method === "POST")) && !(notes && method === "POST")) return null;
  const o = data.orders.find((x) => Number(x.id) === Number((order ?? notes)![1]));
  if (!o) return { status: 400, body: invalidId };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse((await readBody(req)) || "{}") as Record<string, unknown>;
  } catch {
    return {
      status: 400,
      body: { code: "rest_invalid_json", message: "Invalid JSON body passed.", data: { status: 400 } },
    };
  }
  if (notes) {
    if (typeof body.note !== "string" || !body.note.trim())
      return {
        status: 400,
        body: {
          code: "rest_missing_callback_param",
          message: "Missing parameter(s): note",
          data: { status: 400, params: ["note"] },
        },
      };
    return {
      status: 201,
      body: addNote(data, Number(o.id), body.note, body.customer_note === true, "TrulyBot", now),
    };
  }
  const err = updateOrder(data, o, body, now);
  return err ?? { status: 200, body: render(o) };
}
