/** Polaris frame for the standalone dashboard (/dashboard): navigation, log out, toasts. */
import { useCallback, useMemo, useState, type HTMLProps, type ReactNode } from "react";

type LinkLikeComponentProps = HTMLProps<HTMLAnchorElement> & {
  url: string;
  external?: boolean;
  children?: ReactNode;
};
import { Link as RemixLink, useLocation, useSubmit } from "@remix-run/react";
import {
  AppProvider,
  BlockStack,
  Box,
  Button,
  Card,
  Frame,
  Navigation,
  Page,
  Text,
  Toast,
  TopBar,
} from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json" with { type: "json" };
import {
  HomeIcon,
  SettingsIcon,
  QuestionCircleIcon,
  OrderIcon,
  ChatIcon,
  PersonIcon,
  StoreIcon,
  AlertTriangleIcon,
  ExitIcon,
} from "@shopify/polaris-icons";
import { ShellProvider } from "./shell";
import type { StoreBrief } from "../dashboard/types";

export function PolarisLink({ url, children, external, ref: _ref, ...rest }: LinkLikeComponentProps) {
  if (external || /^(https?:|mailto:)/i.test(url)) {
    return (
      <a href={url} {...rest} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
        {children}
      </a>
    );
  }
  return (
    <RemixLink to={url} {...(rest as Record<string, unknown>)}>
      {children}
    </RemixLink>
  );
}

export function StandaloneProvider({ children }: { children: ReactNode }) {
  return (
    <AppProvider i18n={en} linkComponent={PolarisLink}>
      {children}
    </AppProvider>
  );
}

/** Top bar: the current store, and a menu to switch when the workspace has several. */
function StoreMenu({
  csrf,
  storeId,
  storeName,
  stores,
  userLabel,
  path,
}: {
  csrf: string;
  storeId: string;
  storeName: string;
  stores: StoreBrief[];
  userLabel: string | null;
  path: string;
}) {
  const submit = useSubmit();
  const [storeMenu, setStoreMenu] = useState(false);
  return stores.length > 1 ? (
    <TopBar.Menu
      open={storeMenu}
      onOpen={() => setStoreMenu(true)}
      onClose={() => setStoreMenu(false)}
      activatorContent={
        <span style={{ maxWidth: "45vw", display: "inline-block" }}>
          <Text as="span" tone="text-inverse" truncate>
            {`Store: ${storeName} ▾`}
          </Text>
        </span>
      }
      actions={[
        {
          title: "Switch store",
          items: stores.map((s) => ({
            content: `${s.name} (${s.platform === "woocommerce" ? "WooCommerce" : "Shopify"})`,
            active: s.id === storeId,
            onAction: () =>
              submit(
                { csrf, storeId: s.id, redirectTo: path },
                { method: "post", action: "/dashboard/switch-store" },
              ),
          })),
        },
      ]}
    />
  ) : (
    <div style={{ maxWidth: "45vw", paddingInlineEnd: 12 }}>
      <Text as="p" tone="text-inverse" truncate>
        {`${storeName}${userLabel ? ` · ${userLabel}` : ""}`}
      </Text>
    </div>
  );
}

export function StandaloneFrame({
  csrf,
  storeName,
  storeId,
  stores,
  timeZone,
  userLabel,
  openHandoffs,
  children,
}: {
  csrf: string;
  storeName: string;
  storeId: string;
  stores: StoreBrief[];
  timeZone: string;
  userLabel: string | null;
  openHandoffs: number;
  children: ReactNode;
}) {
  const location = useLocation();
  const submit = useSubmit();
  const [toast, setToast] = useState<{ message: string; error: boolean; n: number } | null>(null);
  const [mobileNav, setMobileNav] = useState(false);
  const notify = useCallback(
    (message: string, opts?: { error?: boolean }) =>
      setToast((t) => ({ message, error: !!opts?.error, n: (t?.n ?? 0) + 1 })),
    [],
  );
  const shell = useMemo(
    () => ({ base: "/dashboard", embedded: false, csrf, notify, timeZone }),
    [csrf, notify, timeZone],
  );
  const logout = () => submit({ csrf }, { method: "post", action: "/dashboard/logout" });
  const path = location.pathname.replace(/\/+$/, "");

  const nav = (
    <Navigation location={path} ariaLabelledBy="trulybot-nav-label">
      <Text as="span" visuallyHidden id="trulybot-nav-label">
        Dashboard
      </Text>
      <Navigation.Section
        items={[
          {
            url: "/dashboard",
            label: "Home",
            icon: HomeIcon,
            exactMatch: true,
            selected: path === "/dashboard",
          },
          { url: "/dashboard/settings", label: "Bot settings", icon: SettingsIcon },
          { url: "/dashboard/faq", label: "FAQ", icon: QuestionCircleIcon },
          { url: "/dashboard/actions", label: "Self-service", icon: OrderIcon },
          { url: "/dashboard/conversations", label: "Conversations", icon: ChatIcon },
          {
            url: "/dashboard/handoffs",
            label: "Handoffs",
            icon: PersonIcon,
            badge: openHandoffs ? String(openHandoffs) : undefined,
          },
          { url: "/dashboard/at-risk", label: "Orders at risk", icon: AlertTriangleIcon },
          { url: "/dashboard/stores", label: "Stores", icon: StoreIcon },
        ]}
      />
      <Box padding="300" paddingBlockStart="400">
        <Button onClick={logout} icon={ExitIcon} variant="tertiary" fullWidth textAlign="start">
          Log out
        </Button>
      </Box>
    </Navigation>
  );
  const topBar = (
    <TopBar
      showNavigationToggle
      onNavigationToggle={() => setMobileNav((o) => !o)}
      secondaryMenu={
        <StoreMenu
          csrf={csrf}
          storeId={storeId}
          storeName={storeName}
          stores={stores}
          userLabel={userLabel}
          path={path}
        />
      }
    />
  );
  return (
    <ShellProvider value={shell}>
      <Frame
        topBar={topBar}
        navigation={nav}
        showMobileNavigation={mobileNav}
        onNavigationDismiss={() => setMobileNav(false)}
        logo={{
          topBarSource:
            "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='120' height='28'%3E%3Ctext x='0' y='20' font-family='system-ui' font-size='18' font-weight='700' fill='%23ffffff'%3ETrulyBot%3C/text%3E%3C/svg%3E",
          width: 120,
          url: "/dashboard",
          accessibilityLabel: "TrulyBot",
        }}
        skipToContentTarget={undefined}
      >
        {children}
        {toast ? (
          <Toast key={toast.n} content={toast.message} error={toast.error} onDismiss={() => setToast(null)} />
        ) : null}
      </Frame>
    </ShellProvider>
  );
}

/** Shown without a dashboard session (401), after log out, or for an expired form. */
export function SignInNeeded({
  loggedOut,
  title,
  children,
}: {
  loggedOut?: boolean;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <Page narrowWidth>
      <Box paddingBlockStart="1600">
        <Card>
          <BlockStack gap="300">
            <Text as="h1" variant="headingLg">
              {title ?? (loggedOut ? "You're logged out" : "Open the dashboard from WordPress")}
            </Text>
            {children ?? (
              <>
                <Text as="p">
                  For your security, the TrulyBot dashboard opens through a one-time link from your
                  store&apos;s admin. In WordPress, go to <strong>WooCommerce → TrulyBot</strong> and click{" "}
                  <strong>Open dashboard</strong>.
                </Text>
                <Text as="p" tone="subdued">
                  Using Shopify? Open TrulyBot from <strong>Apps</strong> in your Shopify admin.
                </Text>
              </>
            )}
          </BlockStack>
        </Card>
      </Box>
    </Page>
  );
}
