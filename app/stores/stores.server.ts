/**
 * Workspaces and stores: creation on install/connect, look-ups, status changes.
 */
import type { Store } from "@prisma/client";
import { getDb } from "../db.server";

export type Platform = "shopify" | "woocommerce";

export async function logActivity(entry: {
  workspaceId?: string | null;
  storeId?: string | null;
  actor: string;
  action: string;
  details?: Record<string, unknown>;
}) {
  const db = await getDb();
  await db.activityLog.create({
    data: {
      workspaceId: entry.workspaceId ?? null,
      storeId: entry.storeId ?? null,
      actor: entry.actor,
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

/**
 * Idempotent: creates the workspace, the store and default bot settings on first install,
 * re-activates an uninstalled store on re-install, and refreshes shop facts.
 */
export async function upsertShopifyStore(input: {
  shop: string;
  scopes?: string | null;
  name?: string | null;
  currency?: string | null;
  timezone?: string | null;
  supportEmail?: string | null;
  locale?: string | null;
}): Promise<Store> {
  const db = await getDb();
  const now = new Date();
  const existing = await db.store.findUnique({
    where: { platform_domain: { platform: "shopify", domain: input.shop } },
  });
  const facts = {
    ...(input.scopes != null ? { scopes: input.scopes } : {}),
    ...(input.name ? { name: input.name } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.timezone ? { timezone: input.timezone } : {}),
    ...(input.supportEmail ? { supportEmail: input.supportEmail } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
  };
  if (existing) {
    const reinstalled = existing.status !== "active";
    const store = await db.store.update({
      where: { id: existing.id },
      data: { ...facts, status: "active", ...(reinstalled ? { installedAt: now, uninstalledAt: null } : {}) },
    });
    await db.botSettings.upsert({ where: { storeId: store.id }, create: { storeId: store.id }, update: {} });
    if (reinstalled) {
      await logActivity({
        workspaceId: store.workspaceId,
        storeId: store.id,
        actor: "shopify",
        action: "store.reinstalled",
      });
    }
    return store;
  }
  const store = await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({ data: { name: input.name || input.shop } });
    const created = await tx.store.create({
      data: {
        workspaceId: workspace.id,
        platform: "shopify",
        domain: input.shop,
        name: input.name || input.shop.replace(/\.myshopify\.com$/, ""),
        status: "active",
        installedAt: now,
        connectedAt: now,
        ...facts,
      },
    });
    await tx.botSettings.create({ data: { storeId: created.id } });
    return created;
  });
  await logActivity({
    workspaceId: store.workspaceId,
    storeId: store.id,
    actor: "shopify",
    action: "store.installed",
  });
  return store;
}

export async function findStore(platform: Platform, domain: string): Promise<Store | null> {
  const db = await getDb();
  return db.store.findUnique({ where: { platform_domain: { platform, domain } } });
}

export async function findStoreById(id: string): Promise<Store | null> {
  const db = await getDb();
  return db.store.findUnique({ where: { id } });
}
