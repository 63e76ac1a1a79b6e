/**
 * Runs one confirmed action exactly once: the idempotency key is claimed with a unique row before the
 * platform is called (a retried or concurrent confirm finds the row and does not call again), the
 * result is recorded with before/after, and a staff note is added to the order in the store's admin.
 */
import type { Db } from "../db.server";
import { PlatformUnavailableError } from "../platforms/types";
import { formatAddress } from "./address";
import {
  itemsText,
  type ActionKind,
  type ActionRule,
  type PlatformActions,
  type ReturnItem,
  type ShippingAddress,
} from "./types";

export interface ActionRun {
  storeId: string;
  conversationId: string;
  idempotencyKey: string;
  action: ActionKind;
  orderNumber: string;
  orderId: string;
  verification: "code" | "customer";
  rule: ActionRule;
  address?: ShippingAddress;
  reason?: string;
  /** return: the lines the shopper chose (absent: all) */
  items?: ReturnItem[];
  now: Date;
}

export type ActionOutcome =
  | { status: "done"; needsHandoff?: boolean }
  | { status: "refused"; code: string; message: string }
  | { status: "failed"; reason: string }
  /** another confirm of the same proposal is running or ran already */
  | { status: "duplicate"; previous: string };

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

const LABEL: Record<ActionKind, string> = {
  cancel: "Cancelled",
  address: "Shipping address changed",
  return: "Return requested",
};

function noteText(run: ActionRun, before: unknown, after: unknown): string {
  const who = run.verification === "code" ? "one-time code sent to the order's email" : "signed-in customer";
  const lines = [`TrulyBot: ${LABEL[run.action]} by the shopper in chat (verified by ${who}).`];
  if (run.action === "address" && before && after)
    lines.push(
      `Before: ${formatAddress(before as ShippingAddress).replace(/\n/g, ", ")}`,
      `After: ${formatAddress(after as ShippingAddress).replace(/\n/g, ", ")}`,
    );
  if (run.items?.length) lines.push(`Items: ${itemsText(run.items)}`);
  if (run.reason) lines.push(`Reason: ${run.reason}`);
  lines.push(`Reference: ${run.idempotencyKey}`);
  return lines.join("\n");
}

async function callPlatform(
  actions: PlatformActions,
  run: ActionRun,
): Promise<{
  result: Awaited<ReturnType<PlatformActions["cancelOrder"]>> & { needsHandoff?: boolean };
  before: unknown;
  after: unknown;
}> {
  if (run.action === "cancel") {
    const result = await actions.cancelOrder({
      orderId: run.orderId,
      restock: run.rule.restock,
      refund: run.rule.refund,
      notifyCustomer: run.rule.notifyCustomer,
      staffNote: `Cancelled by the shopper in chat (${run.idempotencyKey})`,
    });
    return { result, before: { status: "open" }, after: { status: "cancelled" } };
  }
  if (run.action === "address") {
    const before = await actions.getShippingAddress(run.orderId);
    const result = await actions.updateShippingAddress(run.orderId, run.address!);
    return { result, before, after: run.address };
  }
  const result = await actions.requestReturn({
    orderId: run.orderId,
    reason: run.reason ?? "OTHER",
    note: `Return requested by the shopper in chat (${run.idempotencyKey})`,
    ...(run.items?.length ? { items: run.items } : {}),
  });
  return { result, before: null, after: { reason: run.reason, ...(run.items ? { items: run.items } : {}) } };
}

export async function runAction(db: Db, actions: PlatformActions, run: ActionRun): Promise<ActionOutcome> {
  try {
    await db.orderAction.create({
      data: {
        storeId: run.storeId,
        conversationId: run.conversationId,
        idempotencyKey: run.idempotencyKey,
        action: run.action,
        orderNumber: run.orderNumber,
        orderId: run.orderId,
        verification: run.verification,
        status: "running",
        createdAt: run.now,
      },
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const prev = await db.orderAction.findUnique({ where: { idempotencyKey: run.idempotencyKey } });
    return { status: "duplicate", previous: prev?.status ?? "running" };
  }
  const finish = (status: string, data: { before?: unknown; after?: unknown; error?: string | null }) =>
    db.orderAction.update({
      where: { idempotencyKey: run.idempotencyKey },
      data: {
        status,
        before: data.before === undefined ? null : JSON.stringify(data.before),
        after: data.after === undefined ? null : JSON.stringify(data.after),
        error: data.error ?? null,
        finishedAt: new Date(),
      },
    });
  let called: Awaited<ReturnType<typeof callPlatform>>;
  try {
    called = await callPlatform(actions, run);
  } catch (e) {
    const reason = e instanceof PlatformUnavailableError ? e.reason : "upstream_error";
    await finish("failed", { error: `${reason}: ${(e as Error).message}`.slice(0, 500) });
    return { status: "failed", reason };
  }
  const { result, before, after } = called;
  if (!result.ok) {
    await finish("refused", { before, error: `${result.code}: ${result.message}`.slice(0, 500) });
    return { status: "refused", code: result.code, message: result.message };
  }
  await finish("done", { before, after });
  try {
    await actions.addOrderNote(run.orderId, noteText(run, before, after));
    await db.orderAction.update({ where: { idempotencyKey: run.idempotencyKey }, data: { adminNote: true } });
  } catch {
    // the change itself happened; the missing admin note shows as "no note" in the dashboard
  }
  return { status: "done", needsHandoff: result.needsHandoff };
}

export interface ActionAuditRow {
  id: string;
  conversationId: string;
  action: ActionKind;
  orderNumber: string;
  verification: string;
  before: unknown;
  after: unknown;
  status: string;
  error: string | null;
  adminNote: boolean;
  createdAt: string;
}

type OrderActionRow = Awaited<ReturnType<Db["orderAction"]["findMany"]>>[number];

export async function listConversationActions(db: Db, conversationId: string): Promise<ActionAuditRow[]> {
  return toAuditRows(
    await db.orderAction.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } }),
  );
}

export async function listStoreActions(db: Db, storeId: string, take: number): Promise<ActionAuditRow[]> {
  return toAuditRows(
    await db.orderAction.findMany({ where: { storeId }, orderBy: { createdAt: "desc" }, take }),
  );
}

function toAuditRows(rows: OrderActionRow[]): ActionAuditRow[] {
  const json = (s: string | null) => (s ? (JSON.parse(s) as unknown) : null);
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversationId,
    action: r.action as ActionKind,
    orderNumber: r.orderNumber,
    verification: r.verification,
    before: json(r.before),
    after: json(r.after),
    status: r.status,
    error: r.error,
    adminNote: r.adminNote,
    createdAt: r.createdAt.toISOString(),
  }));
}
