import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { consumeSsoToken, createDashboardSession } from "../dashboard/session.server";

/** Single-use SSO link from the plugin (or the CLI / demo) → a dashboard session cookie. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const claim = await consumeSsoToken(token);
  if (!claim) {
    return new Response(
      "<!doctype html><meta charset=utf-8><title>Link expired</title><body style='font-family:system-ui;max-width:32rem;margin:4rem auto'><h1>This sign-in link has expired</h1><p>Sign-in links work once and only for two minutes. Open the dashboard again from WordPress (WooCommerce → TrulyBot → Open dashboard).</p>",
      { status: 401, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } },
    );
  }
  const { cookie } = await createDashboardSession(claim.storeId, claim.userLabel);
  return redirect("/dashboard", { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
};
