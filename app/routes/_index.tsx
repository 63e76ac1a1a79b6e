import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { loadEnv } from "../env.server";

/** Shopify opens the app at /?shop=…; send it to the embedded app. Anyone else gets the demo index in demo mode, or a short page. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  if (loadEnv().TRULYBOT_DEMO) throw redirect("/demo");
  return null;
};

export default function Index() {
  return (
    <main
      style={{
        fontFamily: "Inter, system-ui, sans-serif",
        maxWidth: 640,
        margin: "4rem auto",
        padding: "0 1rem",
      }}
    >
      <h1>TrulyBot Commerce</h1>
      <p>
        The order-tracking chat bot for Shopify and WooCommerce stores. Install it from the Shopify App Store,
        or install the TrulyBot plugin in WooCommerce and click <em>Connect</em>.
      </p>
    </main>
  );
}
