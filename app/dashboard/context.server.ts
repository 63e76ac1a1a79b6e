/**
 * The context every dashboard loader/action works in, whichever shell it runs in:
 * the embedded Shopify admin (/app/*) or the standalone dashboard (/dashboard/*, WooCommerce + demo).
 */
import type { DashboardSession, Store } from "@prisma/client";
import { getDb, type Db } from "../db.server";
import { csrfValid, getDashboardSession } from "./session.server";
import type { StoreBrief } from "./types";

export interface DashboardCtx {
  db: Db;
  workspaceId: string;
  storeId: string;
  request: Request;
}

export function storeBrief(s: Store): StoreBrief {
  return {
    id: s.id,
    name: s.name,
    platform: s.platform === "woocommerce" ? "woocommerce" : "shopify",
    domain: s.domain,
    status: s.status,
  };
}

export async function currentStore(ctx: DashboardCtx): Promise<Store> {
  const s = await ctx.db.store.findFirst({ where: { id: ctx.storeId, workspaceId: ctx.workspaceId } });
  if (!s) throw new Response("Store not found", { status: 404 });
  return s;
}

export function unauthorized(): Response {
  return new Response("Open the dashboard from WordPress (WooCommerce → TrulyBot → Open dashboard).", {
    status: 401,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * Standalone shell: the dashboard session (cookie) or a thrown 401. The workspace is read from the
 * store, not the session, so a store moved to another workspace (linking) is seen at once.
 */
export async function requireStandalone(
  request: Request,
): Promise<{ ctx: DashboardCtx; session: DashboardSession; store: Store }> {
  const session = await getDashboardSession(request);
  if (!session) throw unauthorized();
  const db = await getDb();
  const store = await db.store.findUnique({ where: { id: session.storeId } });
  if (!store) throw unauthorized();
  return { ctx: { db, workspaceId: store.workspaceId, storeId: store.id, request }, session, store };
}

/** Standalone POST: session + form + CSRF check (403 when the hidden `csrf` field is wrong). */
export async function requireStandaloneForm(
  request: Request,
): Promise<{ ctx: DashboardCtx; session: DashboardSession; form: FormData }> {
  const { ctx, session } = await requireStandalone(request);
  const form = await request.formData();
  if (!csrfValid(session, form.get("csrf"))) {
    throw new Response("The form expired. Reload the page and try again.", {
      status: 403,
      headers: { "Cache-Control": "no-store" },
    });
  }
  return { ctx, session, form };
}

export const formString = (form: FormData, key: string): string => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};
