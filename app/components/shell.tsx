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

/** A Remix POST form that carries the CSRF field when the shell needs one. */
export function ShellForm({ children, ...props }: FormProps) {
  return (
    <Form method="post" {...props}>
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

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return d.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
}

export const PLATFORM_LABEL: Record<string, string> = { shopify: "Shopify", woocommerce: "WooCommerce" };
