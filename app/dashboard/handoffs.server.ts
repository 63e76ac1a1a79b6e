/** Handoff inbox: open requests first, with the order the shopper was asking about; mark resolved. */
import type { DashboardCtx } from "./context.server";
import { formString } from "./context.server";
import { isWidgetOrder } from "./conversations.server";
import { listScope, scopeWhere } from "./scope.server";
import type { ActionResult, HandoffRow, HandoffsData } from "./types";

export async function loadHandoffs(ctx: DashboardCtx): Promise<HandoffsData> {
  const params = new URL(ctx.request.url).searchParams;
  const status = params.get("status");
  const scope = await listScope(ctx, params.get("store") ?? "");
  const where = {
    store: scopeWhere(ctx, scope),
    ...(status === "open" || status === "resolved" ? { status } : {}),
  };
  const [rows, openCount] = await Promise.all([
    ctx.db.handoffRequest.findMany({
      where,
      include: { store: { select: { name: true, platform: true } } },
      // "open" sorts before "resolved"; newest first within each
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      take: 200,
    }),
    ctx.db.handoffRequest.count({ where: { store: scopeWhere(ctx, scope), status: "open" } }),
  ]);
  return {
    scope,
    openCount,
    handoffs: rows.map((h): HandoffRow => {
      let order: unknown = null;
      try {
        order = h.orderContext ? JSON.parse(h.orderContext) : null;
      } catch {
        order = null;
      }
      return {
        id: h.id,
        storeName: h.store.name,
        platform: h.store.platform === "woocommerce" ? "woocommerce" : "shopify",
        status: h.status === "resolved" ? "resolved" : "open",
        reason: h.reason,
        email: h.email,
        message: h.message,
        orderNumber: h.orderNumber,
        order: isWidgetOrder(order) ? order : null,
        conversationId: h.conversationId,
        createdAt: h.createdAt.toISOString(),
        resolvedAt: h.resolvedAt ? h.resolvedAt.toISOString() : null,
      };
    }),
  };
}

export async function handoffAction(
  ctx: DashboardCtx,
  form: FormData,
): Promise<ActionResult & { status: number }> {
  const intent = formString(form, "intent");
  const id = formString(form, "id");
  if (intent !== "resolve" && intent !== "reopen")
    return { ok: false, status: 400, message: "Unknown action." };
  const open = intent === "reopen";
  const res = await ctx.db.handoffRequest.updateMany({
    where: { id, store: { workspaceId: ctx.workspaceId } },
    data: open ? { status: "open", resolvedAt: null } : { status: "resolved", resolvedAt: new Date() },
  });
  if (res.count !== 1) return { ok: false, status: 404, message: "That handoff no longer exists." };
  return { ok: true, status: 200, message: open ? "Handoff reopened" : "Marked as resolved" };
}
