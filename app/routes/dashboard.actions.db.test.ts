/**
 * The standalone dashboard's Self-service page with real Requests: session cookie + CSRF, rules saved
 * and read back (default off), hostile input refused field by field, the read_write reconnect notice,
 * and the audit shown on the conversation page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db.server";
import { seedConversation } from "../../test/support/dashboard";
import {
  routeArgs as args,
  startDashboardClient,
  thrownResponse as thrown,
  type DashboardClient,
} from "../../test/support/dashboard-client";
import * as page from "./dashboard.actions";
import * as conversation from "./dashboard.conversations.$id";
import type { ActionsPageData } from "../actions/dashboard.server";
import type { ActionAuditRow } from "../actions/execute.server";

let client: DashboardClient;
let db: Db;
let csrf: string;
let storeId: string;
const get = (path: string, withCookie = true) => client.get(path, withCookie);
const post = (fields: Record<string, string | string[]>, token: string | null = csrf) =>
  client.post("/dashboard/actions", fields, { csrf: token });
type DataResult<T> = { data: T; init: ResponseInit | null };

beforeAll(async () => {
  client = await startDashboardClient();
  ({ db, csrf, storeId } = client);
});
afterAll(async () => client?.close());

describe("/dashboard/actions", () => {
  it("refuses without a session", async () => {
    expect((await thrown(page.loader(args(get("/dashboard/actions", false))))).status).toBe(401);
  });

  it("shows every action off by default, with the statuses each can use", async () => {
    const d = (await page.loader(args(get("/dashboard/actions")))) as ActionsPageData;
    expect([d.rules.cancel.enabled, d.rules.address.enabled, d.rules.return.enabled]).toEqual([
      false,
      false,
      false,
    ]);
    expect(d.possibleStatuses.cancel).toEqual(["pending_payment", "on_hold", "processing"]);
    expect(d.wooNeedsReadWrite).toBe(false);
  });

  it("saves rules and reads them back; an enabled Woo action asks for a read_write reconnect", async () => {
    const r = (await page.action(
      args(
        post({
          "cancel.enabled": "on",
          "cancel.windowHours": "2",
          "cancel.maxTotal": "250.00",
          "cancel.statuses": ["processing", "on_hold", "delivered"],
          "cancel.refund": "on",
          "address.askPerson": "on",
        }),
      ),
    )) as unknown as DataResult<{ ok: boolean }>;
    expect(r.data.ok).toBe(true);
    const d = (await page.loader(args(get("/dashboard/actions")))) as ActionsPageData;
    expect(d.rules.cancel).toMatchObject({
      enabled: true,
      windowHours: 2,
      maxTotal: "250.00",
      statuses: ["processing", "on_hold"],
      refund: true,
      restock: false,
    });
    expect(d.rules.address).toMatchObject({ enabled: false, askPerson: true });
    expect(d.wooNeedsReadWrite).toBe(true);
  });

  it("keys connected with read_write clear the reconnect notice; the notice links to the plugin's page", async () => {
    await db.store.update({ where: { id: storeId }, data: { url: "https://woo-outfitters.test/" } });
    const before = (await page.loader(args(get("/dashboard/actions")))) as ActionsPageData;
    expect(before.wooReconnectUrl).toBe(
      "https://woo-outfitters.test/wp-admin/admin.php?page=trulybot&trulybot_access=read_write",
    );
    const { sealSecret } = await import("../stores/secrets.server");
    const keys = { consumerKey: "ck_" + "a".repeat(40), consumerSecret: "cs_" + "b".repeat(40), keyId: 7 };
    for (const [permissions, needs] of [
      ["read", true],
      ["read_write", false],
    ] as const) {
      await db.store.update({
        where: { id: storeId },
        data: { credentials: sealSecret(JSON.stringify({ ...keys, permissions }), "store.credentials") },
      });
      const d = (await page.loader(args(get("/dashboard/actions")))) as ActionsPageData;
      expect(d.wooNeedsReadWrite).toBe(needs);
    }
  });

  it("refuses hostile values field by field and a POST without the CSRF token", async () => {
    const r = (await page.action(
      args(post({ "cancel.enabled": "on", "cancel.windowHours": "-3", "cancel.maxTotal": "1e9; DROP" })),
    )) as unknown as DataResult<{ ok: boolean; errors: Record<string, string> }>;
    expect(r.init?.status).toBe(400);
    expect(r.data.errors).toMatchObject({
      "cancel.windowHours": "Whole hours from 1 to 8760, or empty for no limit",
      "cancel.maxTotal": "An amount like 250 or 250.00, or empty for no limit",
      "cancel.statuses": "Choose at least one status",
    });
    expect((await thrown(page.action(args(post({ "cancel.enabled": "on" }, null))))).status).toBe(403);
  });

  it("shows the audit of a conversation's actions on the conversation page", async () => {
    const conv = await seedConversation(db, storeId, {});
    await db.orderAction.create({
      data: {
        storeId,
        conversationId: conv.id,
        idempotencyKey: `${conv.id}:n1`,
        action: "address",
        orderNumber: "2001",
        orderId: "2001",
        verification: "code",
        before: JSON.stringify({ address1: "Eppendorfer Weg 212" }),
        after: JSON.stringify({ address1: "Mühlenkamp 7" }),
        status: "done",
        adminNote: true,
      },
    });
    const d = (await conversation.loader(
      args(get(`/dashboard/conversations/${conv.id}`), { id: conv.id }),
    )) as {
      actions: ActionAuditRow[];
    };
    expect(d.actions).toMatchObject([
      {
        action: "address",
        orderNumber: "2001",
        verification: "code",
        status: "done",
        adminNote: true,
        after: { address1: "Mühlenkamp 7" },
      },
    ]);
  });
});
