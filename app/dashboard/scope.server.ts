/**
 * Which stores a list shows. Lists (conversations, handoffs) show the current store unless the
 * merchant picks another store of the workspace or "all" (`?store=`); every list says which.
 * Times are shown in the current store's time zone.
 */
import type { Prisma } from "@prisma/client";
import { storeBrief, type DashboardCtx } from "./context.server";
import { safeTimeZone } from "./timezone";
import type { ListScope } from "./types";

export async function listScope(ctx: DashboardCtx, requested: string): Promise<ListScope> {
  const stores = await ctx.db.store.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ platform: "asc" }, { createdAt: "asc" }],
  });
  const current = stores.find((s) => s.id === ctx.storeId);
  const picked = requested === "all" ? null : (stores.find((s) => s.id === requested) ?? current ?? null);
  return {
    store: requested === "all" ? "all" : (picked?.id ?? ctx.storeId),
    label:
      requested === "all"
        ? `All ${stores.length} stores`
        : picked
          ? `${picked.name} (${picked.platform === "woocommerce" ? "WooCommerce" : "Shopify"})`
          : "This store",
    stores: stores.map(storeBrief),
    timeZone: safeTimeZone(current?.timezone),
  };
}

/** The Prisma filter for a scope (always inside the workspace). */
export function scopeWhere(ctx: DashboardCtx, scope: ListScope): Prisma.StoreWhereInput {
  return scope.store === "all"
    ? { workspaceId: ctx.workspaceId }
    : { workspaceId: ctx.workspaceId, id: scope.store };
}
