/**
 * Standalone dashboard layout (WooCommerce merchants, via the plugin's signed SSO link; also the demo).
 * Without a dashboard session it answers 401 with a page explaining how to open it from WordPress.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Outlet,
  useLoaderData,
  useRouteError,
  useSearchParams,
} from "@remix-run/react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { getDb } from "../db.server";
import { getDashboardSession } from "../dashboard/session.server";
import { storeBrief } from "../dashboard/context.server";
import { safeTimeZone } from "../dashboard/timezone";
import { SignInNeeded, StandaloneFrame, StandaloneProvider } from "../components/StandaloneShell";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];
/** Pages set their own title; this one is for the sign-in and error pages. */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  {
    title:
      error && !(isRouteErrorResponse(error) && error.status === 401)
        ? "Something went wrong · TrulyBot dashboard"
        : !error && data && data.authenticated
          ? "TrulyBot dashboard"
          : "Open the dashboard from WordPress · TrulyBot",
  },
  { name: "robots", content: "noindex" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const session = await getDashboardSession(request);
  const headers = { "Cache-Control": "no-store" };
  if (!session) return data({ authenticated: false as const }, { status: 401, headers });
  const db = await getDb();
  const store = await db.store.findUnique({ where: { id: session.storeId } });
  if (!store) return data({ authenticated: false as const }, { status: 401, headers });
  const [openHandoffs, stores] = await Promise.all([
    db.handoffRequest.count({ where: { status: "open", storeId: store.id } }),
    db.store.findMany({
      where: { workspaceId: store.workspaceId },
      orderBy: [{ platform: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  return data(
    {
      authenticated: true as const,
      csrf: session.csrfToken,
      storeName: store.name,
      storeId: store.id,
      stores: stores.map(storeBrief),
      timeZone: safeTimeZone(store.timezone),
      userLabel: session.userLabel,
      openHandoffs,
    },
    { headers },
  );
};

export default function DashboardLayout() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (!d.authenticated) {
    return (
      <StandaloneProvider>
        <SignInNeeded loggedOut={params.get("logged_out") === "1"} />
      </StandaloneProvider>
    );
  }
  return (
    <StandaloneProvider>
      <StandaloneFrame
        csrf={d.csrf}
        storeName={d.storeName}
        storeId={d.storeId}
        stores={d.stores}
        timeZone={d.timeZone}
        userLabel={d.userLabel}
        openHandoffs={d.openHandoffs}
      >
        <Outlet />
      </StandaloneFrame>
    </StandaloneProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const [params] = useSearchParams();
  if (isRouteErrorResponse(error) && error.status === 401) {
    return (
      <StandaloneProvider>
        <SignInNeeded loggedOut={params.get("logged_out") === "1"} />
      </StandaloneProvider>
    );
  }
  const title = isRouteErrorResponse(error)
    ? error.status === 403
      ? "This form expired"
      : error.status === 404
        ? "Not found"
        : "Something went wrong"
    : "Something went wrong";
  const body =
    isRouteErrorResponse(error) && typeof error.data === "string"
      ? error.data
      : "Please go back and try again.";
  return (
    <StandaloneProvider>
      <SignInNeeded title={title}>
        <p>{body}</p>
        <p>
          <a href="/dashboard">Back to the dashboard</a>
        </p>
      </SignInNeeded>
    </StandaloneProvider>
  );
}
