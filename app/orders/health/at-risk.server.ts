/** The dashboard's "Orders at risk": mirrored orders the health rules flagged, oldest risk first. */
import type { DashboardCtx } from "../../dashboard/context.server";
import { startMirrorSync } from "../../platforms/mirror/sync.server";
import { listScope, scopeWhere } from "../../dashboard/scope.server";
import type { AtRiskData } from "./at-risk";
import type { NextStep, RiskReason } from "./rules";

function detailOf(raw: string | null): { next: NextStep; carrier: string | null } {
  try {
    const d = JSON.parse(raw ?? "{}") as { next?: NextStep; carrier?: string | null };
    return { next: d.next ?? "talk_to_person", carrier: d.carrier ?? null };
  } catch {
    return { next: "talk_to_person", carrier: null };
  }
}

export async function loadOrdersAtRisk(ctx: DashboardCtx, now = new Date()): Promise<AtRiskData> {
  const params = new URL(ctx.request.url).searchParams;
  const scope = await listScope(ctx, params.get("store") ?? "");
  const stores = await ctx.db.store.findMany({
    where: scopeWhere(ctx, scope),
    select: { id: true, name: true, platform: true },
  });
  const byId = new Map(stores.map((s) => [s.id, s]));
  const ids = [...byId.keys()];
  const [rows, synced, own] = await Promise.all([
    ctx.db.orderMirror.findMany({
      where: { storeId: { in: ids }, riskReason: { not: null } },
      select: { storeId: true, orderNumber: true, riskReason: true, riskSince: true, riskDetail: true },
      orderBy: { riskSince: "asc" },
      take: 500,
    }),
    ctx.db.orderMirrorSync.count({ where: { storeId: { in: ids }, status: "done" } }),
    ctx.db.orderMirrorSync.findUnique({ where: { storeId: ctx.storeId } }),
  ]);
  return {
    scope,
    mirrored: synced > 0,
    sync: own
      ? { status: own.status, synced: own.synced, finishedAt: own.finishedAt?.toISOString() ?? null }
      : null,
    rows: rows.map((r) => {
      const s = byId.get(r.storeId)!;
      const since = r.riskSince ?? now;
      return {
        storeName: s.name,
        platform: s.platform === "woocommerce" ? "woocommerce" : "shopify",
        orderNumber: r.orderNumber,
        reason: r.riskReason as RiskReason,
        ...detailOf(r.riskDetail),
        since: since.toISOString(),
        ageHours: Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3600_000)),
      };
    }),
  };
}

/** POST intent=sync: (re)mirror the current store's recent orders; the page then shows its progress. */
export async function atRiskAction(
  ctx: DashboardCtx,
  form: FormData,
): Promise<{ ok: boolean; message: string; status: number }> {
  if (form.get("intent") !== "sync") return { ok: false, message: "Unknown action.", status: 400 };
  const store = await ctx.db.store.findFirst({ where: { id: ctx.storeId, workspaceId: ctx.workspaceId } });
  if (!store) return { ok: false, message: "No such store.", status: 404 };
  const running = await ctx.db.orderMirrorSync.findUnique({ where: { storeId: store.id } });
  if (running?.status === "running" && Date.now() - running.startedAt.getTime() < 3600_000)
    return { ok: true, message: "The order sync is already running.", status: 200 };
  await startMirrorSync(store.id);
  return { ok: true, message: "Order sync started.", status: 200 };
}
