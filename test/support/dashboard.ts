/** Test fixtures for the dashboard's loader/action tests (not used by the app). */
import type { Db } from "../../app/db.server";
import type { WidgetOrder } from "../../app/protocol";
import type { DashboardCtx } from "../../app/dashboard/context.server";

export async function seedWorkspace(
  db: Db,
  opts: { platform?: "shopify" | "woocommerce"; domain?: string; name?: string } = {},
) {
  const platform = opts.platform ?? "shopify";
  const ws = await db.workspace.create({ data: { name: opts.name ?? "Test workspace" } });
  const store = await db.store.create({
    data: {
      workspaceId: ws.id,
      platform,
      domain:
        opts.domain ??
        (platform === "shopify"
          ? `shop-${Math.random().toString(36).slice(2, 8)}.myshopify.com`
          : `woo-${Math.random().toString(36).slice(2, 8)}.test`),
      name: opts.name ?? (platform === "shopify" ? "Demo Outfitters" : "Woo Outfitters"),
      status: "active",
      installedAt: new Date(),
      connectedAt: new Date(),
    },
  });
  await db.botSettings.create({ data: { storeId: store.id } });
  return { workspace: ws, store };
}

export function ctxFor(
  db: Db,
  store: { id: string; workspaceId: string },
  url = "https://trulybot.test/dashboard",
): DashboardCtx {
  return { db, workspaceId: store.workspaceId, storeId: store.id, request: new Request(url) };
}

export function formOf(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

export const SAMPLE_ORDER: WidgetOrder = {
  number: "1003",
  status: "shipped",
  statusLabel: "Shipped",
  placedAt: "2026-11-10T10:00:00.000Z",
  total: { amount: "89.00", currency: "USD" },
  totalFormatted: "$89.00",
  items: [{ title: "Trail Jacket", quantity: 1, variantTitle: "M" }],
  shipments: [
    {
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
      trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      status: "in_transit",
      estimatedDeliveryAt: "2026-11-24T00:00:00.000Z",
      deliveredAt: null,
      summary: "In transit · expected Tue, Nov 24",
    },
  ],
  statusPageUrl: null,
};

/** A conversation with a shopper question (with an email and a phone) and an order-card reply. */
export async function seedConversation(
  db: Db,
  storeId: string,
  opts: {
    createdAt?: Date;
    language?: string;
    outcome?: string | null;
    shopperText?: string;
    orderQuestion?: boolean;
  } = {},
) {
  const at = opts.createdAt ?? new Date();
  const conv = await db.conversation.create({
    data: {
      storeId,
      shopperKey: `k-${Math.random()}`,
      language: opts.language ?? "en",
      outcome: opts.outcome === undefined ? "resolved" : opts.outcome,
      orderQuestion: opts.orderQuestion ?? true,
      verified: true,
      messageCount: 2,
      createdAt: at,
      lastMessageAt: at,
    },
  });
  const text =
    opts.shopperText ?? "where is order 1003? my email is alice@example.com, phone +1 555 123 4567";
  await db.message.create({
    data: {
      conversationId: conv.id,
      role: "shopper",
      type: "text",
      text,
      payload: JSON.stringify({ id: "m1", role: "shopper", type: "text", text }),
      createdAt: at,
    },
  });
  await db.message.create({
    data: {
      conversationId: conv.id,
      role: "bot",
      type: "order",
      text: "Order #1003 is on its way.",
      payload: JSON.stringify({
        id: "m2",
        role: "bot",
        type: "order",
        text: "Order #1003 is on its way.",
        order: SAMPLE_ORDER,
      }),
      createdAt: new Date(at.getTime() + 1000),
    },
  });
  return conv;
}
