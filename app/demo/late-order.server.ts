/**
 * POST /demo/api/late-order {order: "#1001"} (demo only): the Shopify demo shop ships the order
 * with UPS and the carrier's estimated delivery has already passed — the order changes in the
 * Shopify emulator of `npm run demo` (handed over by scripts/demo.ts on globalThis), and Shopify's
 * `fulfillments/create` webhook is delivered to the app, signed like Shopify signs it. From there
 * the product runs as it would for a real shop: webhook → order-event job → mirror re-read → order
 * health (past ETA) → the shopper's proactive note.
 */
import crypto from "node:crypto";
import { loadEnv } from "../env.server";
import { DEMO_SHOPIFY_SHOP } from "./demo.server";

type Obj = Record<string, unknown>;
declare global {
  var __trulybotDemoEmulators: { shopify: { store: { orders: Obj[] } } } | undefined;
}

const HOUR = 3600_000;
const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Ship the emulator's order `name` with an estimated delivery that passed a day ago. */
function shipLate(order: Obj, now: number) {
  const orderNo = String(order.legacyResourceId);
  const lines = ((order.lineItems as { nodes?: Obj[] })?.nodes ?? []).map((li, i) => ({
    id: `gid://shopify/FulfillmentLineItem/${orderNo}${i + 1}`,
    quantity: li.quantity ?? 1,
    lineItem: { id: li.id, title: li.title, variantTitle: li.variantTitle ?? null, sku: li.sku ?? null },
  }));
  const shipped = now - 4 * 24 * HOUR;
  const scanned = now - 30 * HOUR;
  const eta = now - 24 * HOUR;
  const id = `9${orderNo.slice(-9)}`;
  const tracking = `1ZDEMO${orderNo.slice(-8)}`;
  const fulfillment = {
    id: `gid://shopify/Fulfillment/${id}`,
    legacyResourceId: id,
    name: `${order.name}.1`,
    status: "SUCCESS",
    displayStatus: "IN_TRANSIT",
    createdAt: iso(shipped),
    updatedAt: iso(scanned),
    inTransitAt: iso(shipped + 6 * HOUR),
    deliveredAt: null,
    estimatedDeliveryAt: iso(eta),
    requiresShipping: true,
    totalQuantity: lines.reduce((a, l) => a + Number(l.quantity), 0),
    location: { id: "gid://shopify/Location/72000000001", name: "Demo Outfitters Fulfillment Center" },
    trackingInfo: [
      { company: "UPS", number: tracking, url: `https://www.ups.com/track?tracknum=${tracking}` },
    ],
    fulfillmentLineItems: { nodes: lines },
    events: {
      nodes: [
        {
          status: "CONFIRMED",
          happenedAt: iso(shipped),
          message: "Shipping label created",
          city: "Columbus",
        },
        { status: "IN_TRANSIT", happenedAt: iso(scanned), message: "Arrived at facility", city: "Hodgkins" },
      ].map((e, i) => ({
        id: `gid://shopify/FulfillmentEvent/${id}${i}`,
        createdAt: e.happenedAt,
        province: null,
        country: "US",
        estimatedDeliveryAt: i === 1 ? iso(eta) : null,
        ...e,
      })),
    },
  };
  order.fulfillments = [...((order.fulfillments as Obj[]) ?? []), fulfillment];
  order.displayFulfillmentStatus = "FULFILLED";
  order.updatedAt = iso(now);
  for (const fo of (order.fulfillmentOrders as { nodes?: Obj[] })?.nodes ?? []) {
    fo.status = "CLOSED";
    fo.updatedAt = iso(now);
    for (const li of (fo.lineItems as { nodes?: Obj[] })?.nodes ?? []) li.remainingQuantity = 0;
  }
  return { fulfillmentId: id, tracking, eta: iso(eta), scanned: iso(scanned), shipped: iso(shipped) };
}

export async function demoLateOrder(orderName: string, appOrigin: string): Promise<Response> {
  const emulator = globalThis.__trulybotDemoEmulators?.shopify;
  if (!emulator) return Response.json({ error: "no Shopify emulator in this process" }, { status: 503 });
  const name = orderName.startsWith("#") ? orderName : `#${orderName}`;
  const order = emulator.store.orders.find((o) => o.name === name);
  if (!order) return Response.json({ error: `no demo order ${name}` }, { status: 404 });
  const now = Date.now();
  const f = shipLate(order, now);
  // Shopify's fulfillments/create payload (REST shape), signed with the app's secret
  const payload = {
    id: Number(f.fulfillmentId),
    admin_graphql_api_id: `gid://shopify/Fulfillment/${f.fulfillmentId}`,
    order_id: Number(order.legacyResourceId),
    status: "success",
    shipment_status: "in_transit",
    tracking_company: "UPS",
    tracking_number: f.tracking,
    created_at: f.shipped,
    updated_at: f.scanned,
  };
  const body = JSON.stringify(payload);
  const res = await fetch(`${appOrigin}/webhooks/fulfillments/create`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-hmac-sha256": crypto
        .createHmac("sha256", loadEnv().SHOPIFY_API_SECRET)
        .update(body)
        .digest("base64"),
      "x-shopify-topic": "fulfillments/create",
      "x-shopify-shop-domain": DEMO_SHOPIFY_SHOP,
      "x-shopify-api-version": "2026-01",
      "x-shopify-webhook-id": crypto.randomUUID(),
      "x-shopify-event-id": crypto.randomUUID(),
      "x-shopify-triggered-at": new Date(now).toISOString(),
    },
    body,
  });
  await res.arrayBuffer();
  return Response.json({ ok: res.ok, order: name, webhookStatus: res.status, eta: f.eta });
}
