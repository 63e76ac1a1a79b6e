/**
 * What a page component needs from the shell it runs in (embedded Shopify admin or the standalone
 * dashboard): where its links point, the CSRF token standalone forms carry, and how to show a toast.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { Form, type FormProps } from "@remix-run/react";

export interface Shell {
  /** "/app" (embedded) or "/dashboard" (standalone) */
  base: string;
  embedded: boolean;
  /** standalone only: goes into every form as the hidden `csrf` field */
  csrf: string | null;
  notify: (message: string, opts?: { error?: boolean }) => void;
  /** the current store's IANA time zone: every time on the dashboard is shown in it, labelled */
  timeZone?: string;
}

const ShellContext = createContext<Shell>({
  base: "/app",
  embedded: true,
  csrf: null,
  notify: () => undefined,
});

export function ShellProvider({ value, children }: { value: Shell; children: ReactNode }) {
  return <ShellContext.Provider value={value}>{children}</ShellContext.Provider>;
}

export function useShell(): Shell {
  return useContext(ShellContext);
}

/** Path inside the current shell: href("settings") → "/dashboard/settings". */
export function useHref(): (path?: string) => string {
  const { base } = useShell();
  return (path = "") => (path ? `${base}/${path.replace(/^\/+/, "")}` : base);
}

export function CsrfInput() {
  const { csrf } = useShell();
  return csrf ? <input type="hidden" name="csrf" value={csrf} /> : null;
}

/**
 * A Remix POST form that carries the CSRF field when the shell needs one. The server validates and
 * answers with Polaris inline errors, so the browser's own validation bubbles are off (noValidate).
 */
export function ShellForm({ children, ...props }: FormProps) {
  return (
    <Form method="post" noValidate {...props}>
      <CsrfInput />
      {children}
    </Form>
  );
}

/** Show a toast once per new action result ({ok, message}). */
export function useResultToast(result: { ok?: boolean; message?: string } | undefined | null) {
  const { notify } = useShell();
  const last = useRef<unknown>(null);
  useEffect(() => {
    if (!result || result === last.current) return;
    last.current = result;
    if (result.message) notify(result.message, { error: !result.ok });
  }, [result, notify]);
}

/** "Nov 20, 2026, 5:00 AM EST": in the given zone, with the zone's short name. */
export function formatDateTime(iso: string | null | undefined, timeZone = "UTC"): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  try {
    return d.toLocaleString("en-US", {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
  } catch {
    return formatDateTime(iso, "UTC");
  }
}

export function formatDate(iso: string | null | undefined, timeZone = "UTC"): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  try {
    return d.toLocaleDateString("en-US", { dateStyle: "medium", timeZone });
  } catch {
    return formatDate(iso, "UTC");
  }
}

/** Date formatters bound to the shell's (store's) time zone. */
export function useDates(): {
  dateTime: (iso: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
} {
  const tz = useShell().timeZone ?? "UTC";
  return { dateTime: (iso) => formatDateTime(iso, tz), date: (iso) => formatDate(iso, tz) };
}

export const PLATFORM_LABEL: Record<string, string> = { shopify: "Shopify", woocommerce: "WooCommerce" };
