import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { csrfValid, destroyDashboardSession, getDashboardSession } from "../dashboard/session.server";

export const loader = () => redirect("/dashboard");

/** POST with the session's CSRF token: ends the session and clears the cookie. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const session = await getDashboardSession(request);
  if (!session) return redirect("/dashboard?logged_out=1");
  const form = await request.formData();
  if (!csrfValid(session, form.get("csrf")))
    throw new Response("The form expired. Reload the page and try again.", { status: 403 });
  const cookie = await destroyDashboardSession(request);
  return redirect("/dashboard?logged_out=1", {
    headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" },
  });
};
