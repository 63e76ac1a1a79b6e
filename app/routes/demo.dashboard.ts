import { redirect } from "@remix-run/node";
import { getDb } from "../db.server";
import { mintSsoToken } from "../dashboard/session.server";
import { requireDemoMode } from "../demo/demo.server";
import { DEMO_WOO_DOMAIN } from "../demo/signers.server";

/** Demo convenience: sign in to the dashboard through the same single-use SSO link the plugin mints. */
export const loader = async () => {
  requireDemoMode();
  const db = await getDb();
  const store = await db.store.findUnique({
    where: { platform_domain: { platform: "woocommerce", domain: DEMO_WOO_DOMAIN } },
  });
  if (!store) throw new Response("Demo store missing: restart npm run demo", { status: 503 });
  const { token } = await mintSsoToken(store.id, "Demo merchant");
  return redirect(`/dashboard/sso?token=${token}`);
};
