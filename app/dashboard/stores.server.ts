/**
 * Stores of the workspace (both platforms), linking stores into one workspace, disconnecting.
 *
 * Linking: the store to be moved generates a one-time link code (10 minutes) on its own Stores
 * page; the merchant pastes that store's id and the code into the Stores page of the store whose
 * workspace should own it (e.g. the Shopify admin). Codes are kept hashed in the SsoToken table
 * with a `link:` prefix, so they can never be used as sign-in tokens.
 */
import crypto from "node:crypto";
import type { Store } from "@prisma/client";
import { sha256Hex } from "../utils/crypto.server";
import { disconnectStore } from "../platforms/woocommerce/disconnect.server";
import { currentStore, formString, storeBrief, type DashboardCtx } from "./context.server";
import type { FieldErrors, StoresActionResult, StoresData } from "./types";

export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

export function generateLinkCode(): string {
  const bytes = crypto.randomBytes(10);
  let s = "";
  for (const b of bytes) s += ALPHABET[b % 32];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export function normalizeLinkCode(raw: string): string {
  const c = raw.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return c.length === 10 ? `${c.slice(0, 5)}-${c.slice(5)}` : c;
}

const linkHash = (code: string) => sha256Hex(`link:${normalizeLinkCode(code)}`);

export async function loadStores(ctx: DashboardCtx): Promise<StoresData> {
  const stores = await ctx.db.store.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ platform: "asc" }, { createdAt: "asc" }],
  });
  return {
    currentStoreId: ctx.storeId,
    stores: stores.map((s: Store) => ({
      ...storeBrief(s),
      current: s.id === ctx.storeId,
      widgetEnabled: s.widgetEnabled,
      embedEnabled: s.embedEnabled,
      connectedAt: s.connectedAt ? s.connectedAt.toISOString() : null,
      installedAt: s.installedAt ? s.installedAt.toISOString() : null,
    })),
  };
}

export async function storesAction(
  ctx: DashboardCtx,
  form: FormData,
  now = new Date(),
): Promise<StoresActionResult & { status: number }> {
  const intent = formString(form, "intent");
  const db = ctx.db;

  if (intent === "link_code") {
    const store = await currentStore(ctx);
    const code = generateLinkCode();
    const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
    await db.ssoToken.create({
      data: { tokenHash: linkHash(code), storeId: store.id, userLabel: "link", expiresAt },
    });
    return {
      ok: true,
      status: 200,
      message: "Link code created",
      linkCode: { code, storeId: store.id, expiresAt: expiresAt.toISOString() },
    };
  }

  if (intent === "link") {
    const storeId = formString(form, "storeId").trim();
    const code = formString(form, "code").trim();
    const errors: FieldErrors = {};
    if (!/^[a-z0-9]{10,40}$/i.test(storeId))
      errors.storeId = "Paste the store id shown on the other store's Stores page";
    if (normalizeLinkCode(code).length !== 11) errors.code = "Link codes look like ABCDE-FGH23";
    if (Object.keys(errors).length) return { ok: false, status: 400, errors };
    if (storeId === ctx.storeId) return { ok: false, status: 400, errors: { storeId: "That is this store" } };
    const claimed = await db.ssoToken.updateMany({
      where: { tokenHash: linkHash(code), storeId, userLabel: "link", usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1)
      return {
        ok: false,
        status: 400,
        errors: {
          code: "This code is wrong, used or expired. Create a new one on the other store's Stores page.",
        },
      };
    const other = await db.store.findUnique({ where: { id: storeId } });
    if (!other) return { ok: false, status: 400, errors: { storeId: "No store with this id" } };
    if (other.workspaceId === ctx.workspaceId)
      return { ok: true, status: 200, message: `${other.name} is already linked` };
    const fromWorkspace = other.workspaceId;
    await db.store.update({ where: { id: other.id }, data: { workspaceId: ctx.workspaceId } });
    await db.activityLog.create({
      data: {
        workspaceId: ctx.workspaceId,
        storeId: other.id,
        actor: "merchant",
        action: "store.linked",
        details: JSON.stringify({ fromWorkspace, by: ctx.storeId }),
      },
    });
    return { ok: true, status: 200, message: `${other.name} linked` };
  }

  if (intent === "disconnect") {
    const storeId = formString(form, "storeId");
    const store = await db.store.findFirst({ where: { id: storeId, workspaceId: ctx.workspaceId } });
    if (!store) return { ok: false, status: 404, message: "That store is not in this workspace." };
    if (store.platform === "shopify") {
      return {
        ok: false,
        status: 400,
        message:
          "Shopify stores are disconnected by uninstalling TrulyBot in the Shopify admin (Settings → Apps and sales channels).",
      };
    }
    if (store.status === "disconnected")
      return { ok: true, status: 200, message: `${store.name} is already disconnected` };
    await disconnectStore(store);
    return {
      ok: true,
      status: 200,
      message: `${store.name} disconnected. Its WooCommerce API key was forgotten; delete it in WooCommerce → Settings → Advanced → REST API.`,
    };
  }

  return { ok: false, status: 400, message: "Unknown action." };
}
