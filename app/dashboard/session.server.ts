/**
 * Standalone dashboard sessions (WooCommerce merchants; also the demo).
 * Entry is a short-lived, single-use SSO token minted for the plugin's "Open dashboard"
 * (or `npm run trulybot -- dashboard-link`). It becomes a server-side session referenced by an
 * httpOnly, Secure, SameSite=Lax cookie holding a random id (only its hash is stored).
 * Every form carries a CSRF token bound to the session.
 */
import crypto from "node:crypto";
import type { DashboardSession } from "@prisma/client";
import { getDb } from "../db.server";
import { loadEnv } from "../env.server";
import { sha256Hex, timingSafeEqualHex } from "../utils/crypto.server";

export const SSO_TTL_SECONDS = 120;
export const SESSION_TTL_SECONDS = 8 * 3600;
export const COOKIE_NAME = "__Host-trulybot_session";
const DEV_COOKIE_NAME = "trulybot_session";

function secureCookies() {
  return loadEnv().SHOPIFY_APP_URL.startsWith("https://");
}

function cookieName() {
  // __Host- cookies require Secure; plain-http local demo uses a normal name.
  return secureCookies() ? COOKIE_NAME : DEV_COOKIE_NAME;
}

export async function mintSsoToken(
  storeId: string,
  userLabel: string | null,
): Promise<{ token: string; url: string; expiresAt: Date }> {
  const db = await getDb();
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SSO_TTL_SECONDS * 1000);
  await db.ssoToken.create({ data: { tokenHash: sha256Hex(token), storeId, userLabel, expiresAt } });
  const base = loadEnv().SHOPIFY_APP_URL.replace(/\/+$/, "");
  return { token, url: `${base}/dashboard/sso?token=${token}`, expiresAt };
}

/** Single use: the token is marked used atomically; a second use fails. */
export async function consumeSsoToken(
  token: string,
): Promise<{ storeId: string; userLabel: string | null } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const db = await getDb();
  const tokenHash = sha256Hex(token);
  const now = new Date();
  const claimed = await db.ssoToken.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) return null;
  const row = await db.ssoToken.findUnique({ where: { tokenHash } });
  return row ? { storeId: row.storeId, userLabel: row.userLabel } : null;
}

export async function createDashboardSession(
  storeId: string,
  userLabel: string | null,
): Promise<{ cookie: string; session: DashboardSession }> {
  const db = await getDb();
  const store = await db.store.findUniqueOrThrow({ where: { id: storeId } });
  const raw = crypto.randomBytes(32).toString("base64url");
  const session = await db.dashboardSession.create({
    data: {
      tokenHash: sha256Hex(raw),
      workspaceId: store.workspaceId,
      storeId,
      userLabel,
      csrfToken: crypto.randomBytes(24).toString("base64url"),
      expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
    },
  });
  const attrs = [
    `${cookieName()}=${raw}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${SESSION_TTL_SECONDS}`,
  ];
  if (secureCookies()) attrs.push("Secure");
  return { cookie: attrs.join("; "), session };
}

function readCookie(request: Request): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === cookieName()) return v.join("=");
  }
  return null;
}

export async function getDashboardSession(request: Request): Promise<DashboardSession | null> {
  const raw = readCookie(request);
  if (!raw || !/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return null;
  const db = await getDb();
  const s = await db.dashboardSession.findUnique({ where: { tokenHash: sha256Hex(raw) } });
  if (!s || s.expiresAt < new Date()) return null;
  return s;
}

export async function destroyDashboardSession(request: Request): Promise<string> {
  const raw = readCookie(request);
  if (raw) {
    const db = await getDb();
    await db.dashboardSession.deleteMany({ where: { tokenHash: sha256Hex(raw) } });
  }
  const attrs = [`${cookieName()}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (secureCookies()) attrs.push("Secure");
  return attrs.join("; ");
}

export function csrfValid(session: DashboardSession, submitted: FormDataEntryValue | null): boolean {
  return typeof submitted === "string" && timingSafeEqualHex(session.csrfToken, submitted);
}
