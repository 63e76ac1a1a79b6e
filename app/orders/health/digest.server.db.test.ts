/** The daily "orders at risk" e-mail through a real local SMTP server and a real database. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../db.server";
import { createSmtpMailer, smtpConfigFromUrl, type Mailer } from "../../chat/notify.server";
import { startMailCatcher, type MailCatcher } from "../../demo/mail-catcher.server";
import { riskColumns } from "../../platforms/mirror/rows.server";
import { createTestDb } from "../../../test/helpers/db";
import { seedShopifyShop } from "../../../test/helpers/seed";
import { sendRiskDigest } from "./digest.server";

let db: Db;
let cleanup: () => Promise<void>;
let catcher: MailCatcher;
let mailer: Mailer;
let dir: string;
let storeId: string;
const NOW = new Date("2026-11-30T07:00:00Z");

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-digest-"));
  catcher = await startMailCatcher({ dir });
  mailer = createSmtpMailer(smtpConfigFromUrl(catcher.url, "TrulyBot <no-reply@trulybot.test>"));
  storeId = (await seedShopifyShop(db, "digest.myshopify.com", "shpat_x")).id;
  const risky = (n: string, reason: "past_eta" | "on_hold", since: string) => ({
    storeId,
    orderId: n,
    orderNumber: n,
    placedAt: new Date("2026-11-20T00:00:00Z"),
    status: "shipped",
    data: "sealed",
    syncedAt: NOW,
    ...riskColumns({
      reason,
      since,
      next: reason === "on_hold" ? "talk_to_person" : "wait",
      carrier: null,
      eta: null,
    }),
  });
  await db.orderMirror.createMany({
    data: [
      risky("1009", "past_eta", "2026-11-27T17:00:00Z"),
      risky("1020", "on_hold", "2026-11-29T09:00:00Z"),
    ],
  });
});
afterAll(async () => {
  await catcher?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await cleanup?.();
});

describe("orders-at-risk digest", () => {
  it("sends nothing while switched off", async () => {
    expect(await sendRiskDigest(db, storeId, mailer, NOW)).toBe("off");
  });

  it("switched on: one e-mail to the store's address listing each order with reason, next step and age; once a day", async () => {
    await db.botSettings.update({ where: { storeId }, data: { riskDigest: true } });
    expect(await sendRiskDigest(db, storeId, mailer, NOW)).toBe("sent");
    const [file] = await catcher.waitFor(1);
    const eml = fs.readFileSync(path.join(dir, file), "utf8");
    expect(file).toMatch(/support@example\.com\.eml$/);
    expect(eml).toContain("Subject: 2 orders at risk at Demo Outfitters");
    expect(eml).toContain("#1009: past the estimated delivery (shopper told to wait), for 2 days");
    expect(eml).toContain("#1020: on hold (needs a person), for 0 days");
    expect(await sendRiskDigest(db, storeId, mailer, new Date(NOW.getTime() + 3600_000))).toBe(
      "already_sent",
    );
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it("nothing at risk, nothing sent", async () => {
    await db.orderMirror.updateMany({ where: { storeId }, data: riskColumns(null) });
    expect(await sendRiskDigest(db, storeId, mailer, new Date(NOW.getTime() + 2 * 86_400_000))).toBe(
      "nothing_at_risk",
    );
  });
});
