/** POST /dashboard/switch-store: show another store of the same workspace (the session remembers it). */
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { formString, requireStandaloneForm } from "../dashboard/context.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { ctx, session, form } = await requireStandaloneForm(request);
  const storeId = formString(form, "storeId");
  const store = await ctx.db.store.findFirst({ where: { id: storeId, workspaceId: ctx.workspaceId } });
  if (!store) throw new Response("That store is not in this workspace.", { status: 404 });
  await ctx.db.dashboardSession.update({ where: { id: session.id }, data: { storeId: store.id } });
  const back = formString(form, "redirectTo");
  // only back into the dashboard (no open redirect); ids in the path may belong to the old store
  const to = /^\/dashboard(\/(settings|faq|conversations|handoffs|stores|actions))?$/.test(back)
    ? back
    : "/dashboard";
  return redirect(to, { headers: { "Cache-Control": "no-store" } });
};

export const loader = () => redirect("/dashboard");
