import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireDemoMode } from "../demo/demo.server";

export const meta: MetaFunction = () => [{ title: "TrulyBot demo" }];

export const loader = async (_args: LoaderFunctionArgs) => {
  return requireDemoMode();
};

export default function DemoIndex() {
  const info = useLoaderData<typeof loader>();
  return (
    <main
      style={{
        fontFamily: "system-ui, sans-serif",
        maxWidth: 720,
        margin: "3rem auto",
        padding: "0 1rem",
        lineHeight: 1.5,
      }}
    >
      <h1>TrulyBot Commerce — local demo</h1>
      <p>
        Everything here runs on this machine: the app, a SQLite database and emulators of the Shopify Admin
        API and the WooCommerce REST API seeded with the demo stores.
      </p>
      <ul>
        <li>
          <a href="/demo/storefront/shopify">Shopify demo storefront</a> — {info.shopifyShop} (try “where is
          my order #1002?” with marcus.reed@example.net)
        </li>
        <li>
          <a href="/demo/storefront/woocommerce">WooCommerce demo storefront</a> — Demo Woo Garden (try order
          2002 with tobias.wagner@example.net)
        </li>
        <li>
          Self-service (on in the demo): “cancel order #1001” with alice.johnson@example.com on the Shopify
          storefront, “I typed the wrong address for order 2001” with lena.schmidt@example.com on the
          WooCommerce one; the one-time code arrives in the <a href="/demo/mailbox">Mailbox</a>, and each
          change shows under Self-service in the dashboard. A sent order (#1002, 2012) is refused. Returns
          with item and reason choice: “I want to return order #1003” (alice.johnson@example.com) or “order
          2003” (katrin.hoffmann@example.com; WooCommerce: an order note plus a message to the team).
        </li>
        <li>
          <a href="/demo/dashboard">Merchant dashboard</a> (signs you in through the same single sign-on link
          the WordPress plugin uses)
        </li>
        <li>
          <a href="/demo/mailbox">Mailbox</a> — every e-mail the demo sent (handoff notices, one-time codes,
          replies to shoppers), also written to <code>.demo/mail/</code>
        </li>
        <li>
          <a href="/healthz">Health check</a>
        </li>
      </ul>
    </main>
  );
}
