/**
 * The proactive note (panel side; the launcher only loads the panel when data-proactive is set):
 * GET {base}/proactive?conversationToken=… answers `{}` or `{note}` for an order at risk that this
 * browser verified (or the signed logged-in customer owns). Pure: fetch is injected.
 */
import type { FetchLike } from "./net";

export interface ProactiveNote {
  id: string;
  orderNumber: string;
  next: "wait" | "contact_carrier" | "talk_to_person";
  /** the launcher's short note */
  text: string;
  explanation: string;
  nextStep: string;
}

const str = (v: unknown, max: number) =>
  typeof v === "string" && v.length > 0 && v.length <= max ? v : null;

/** Only a complete note of strings is shown; anything else (`{}`, `[]`, errors) is no note. */
export function parseNote(body: unknown): ProactiveNote | null {
  const n = body && typeof body === "object" ? (body as { note?: Record<string, unknown> }).note : null;
  if (!n || typeof n !== "object") return null;
  const next =
    n.next === "wait" || n.next === "contact_carrier" || n.next === "talk_to_person" ? n.next : null;
  const note = {
    id: str(n.id, 200),
    orderNumber: str(n.orderNumber, 64),
    text: str(n.text, 200),
    explanation: str(n.explanation, 1000),
    nextStep: str(n.nextStep, 1000),
  };
  if (!next || Object.values(note).some((v) => v === null)) return null;
  return { ...(note as Omit<ProactiveNote, "next">), next };
}

export async function fetchProactive(
  fetchFn: FetchLike,
  base: string,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<ProactiveNote | null> {
  const q = token ? "?conversationToken=" + encodeURIComponent(token) : "";
  try {
    const res = await fetchFn(base + "/proactive" + q, {
      headers: { ...headers, Accept: "application/json" },
      credentials: "same-origin",
    });
    return res.ok ? parseNote(await res.json()) : null;
  } catch {
    return null;
  }
}

/** A note is shown once per browser session and order/reason. */
export function firstTime(
  ss: { getItem(k: string): string | null; setItem(k: string, v: string): void } | null,
  id: string,
) {
  const key = "trulybot:note:" + id;
  try {
    if (ss && ss.getItem(key)) return false;
    if (ss) ss.setItem(key, "1");
  } catch {
    /* storage blocked: show it */
  }
  return true;
}
