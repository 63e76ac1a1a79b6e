/** The merchant's proactive-note settings (on/off, wording) through the real settings action and database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "../../db.server";
import { loadBotSettings, saveBotSettings } from "../../dashboard/settings.server";
import { createTestDb } from "../../../test/helpers/db";
import { seedShopifyShop } from "../../../test/helpers/seed";

let db: Db;
let cleanup: () => Promise<void>;
let ctx: Parameters<typeof saveBotSettings>[0];

function form(extra: Record<string, string>) {
  const f = new FormData();
  const base = {
    name: "TrulyBot",
    greeting: "Hi!",
    accentColor: "#1a73e8",
    position: "right",
    launcherLabel: "Chat",
    languages: "en,de",
    orderTracking: "true",
    handoffEmail: "",
    businessHours: "",
  };
  for (const [k, v] of Object.entries({ ...base, ...extra })) f.set(k, v);
  return f;
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  const store = await seedShopifyShop(db, "proactive-settings.myshopify.com", "shpat_x");
  ctx = { db, workspaceId: store.workspaceId, storeId: store.id, request: new Request("https://t.test/") };
});
afterAll(async () => cleanup?.());

describe("proactive note settings", () => {
  it("saves on/off and the wording, and shows them again", async () => {
    const r = await saveBotSettings(ctx, form({ proactive: "true", proactiveNote: "  News on #{n}  " }));
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect((await loadBotSettings(ctx)).values).toMatchObject({
      proactive: true,
      proactiveNote: "News on #{n}",
    });
    await saveBotSettings(ctx, form({ proactive: "false", proactiveNote: "" }));
    const row = await db.botSettings.findUniqueOrThrow({ where: { storeId: ctx.storeId } });
    expect(row).toMatchObject({ proactive: false, proactiveNote: null, riskDigest: false });
  });

  it("refuses an over-long wording with a field error and saves nothing", async () => {
    const before = await db.botSettings.findUniqueOrThrow({ where: { storeId: ctx.storeId } });
    const r = await saveBotSettings(ctx, form({ proactive: "true", proactiveNote: "x".repeat(141) }));
    expect(r).toMatchObject({
      ok: false,
      status: 400,
      errors: { proactiveNote: expect.stringMatching(/140/) },
    });
    const after = await db.botSettings.findUniqueOrThrow({ where: { storeId: ctx.storeId } });
    expect(after.version).toBe(before.version);
  });
});
