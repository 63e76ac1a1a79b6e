import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu, useAppBridge } from "@shopify/app-bridge-react";
import { useCallback, useMemo, type ReactNode } from "react";
import { ShellProvider } from "../components/shell";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { authenticate } from "../platforms/shopify/app.server";
import { assertInsideAdmin, embeddedTimeZone } from "../dashboard/embedded.server";
import { OutsideAdmin, OUTSIDE_ADMIN } from "../components/OutsideAdmin";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const meta: MetaFunction = ({ error }) => [
  { title: error ? "Open TrulyBot from your Shopify admin" : "TrulyBot" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  assertInsideAdmin(request);
  const { session } = await authenticate.admin(request);
  return { apiKey: process.env.SHOPIFY_API_KEY || "", timeZone: await embeddedTimeZone(session.shop) };
};

export default function App() {
  const { apiKey, timeZone } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey}>
      <NavMenu>
        <Link to="/app" rel="home">
          Home
        </Link>
        <Link to="/app/settings">Bot settings</Link>
        <Link to="/app/faq">FAQ</Link>
        <Link to="/app/actions">Self-service</Link>
        <Link to="/app/conversations">Conversations</Link>
        <Link to="/app/handoffs">Handoffs</Link>
        <Link to="/app/at-risk">Orders at risk</Link>
        <Link to="/app/stores">Stores</Link>
      </NavMenu>
      <EmbeddedShell timeZone={timeZone}>
        <Outlet />
      </EmbeddedShell>
    </AppProvider>
  );
}

/** The page components' shell: links under /app, App Bridge toasts, no CSRF field (session tokens). */
function EmbeddedShell({ children, timeZone }: { children: ReactNode; timeZone: string }) {
  const shopify = useAppBridge();
  const notify = useCallback(
    (message: string, opts?: { error?: boolean }) => shopify.toast.show(message, { isError: !!opts?.error }),
    [shopify],
  );
  const shell = useMemo(
    () => ({ base: "/app", embedded: true, csrf: null, notify, timeZone }),
    [notify, timeZone],
  );
  return <ShellProvider value={shell}>{children}</ShellProvider>;
}

// Shopify needs Remix to catch some thrown responses, so that their headers are included in the response.
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.data === OUTSIDE_ADMIN) return <OutsideAdmin />;
  return boundary.error(error);
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
