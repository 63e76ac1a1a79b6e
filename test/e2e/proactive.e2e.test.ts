/**
 * Proactive delay notes in a real browser (Debian Chromium via playwright-core) against
 * `npm run demo` (issue 17): Alice (the Shopify demo shop's signed-in customer) gets her order
 * #1001 shipped with an estimated delivery that has already passed — the order changes in the
 * demo's Shopify emulator and Shopify's signed fulfillments/create webhook reaches the app
 * (POST /demo/api/late-order). The app's job runner applies it, re-reads the order into the
 * mirror and marks it late; when Alice opens the storefront the launcher shows the short note and
 * the panel the explanation and the next step. A browser that is not signed in sees none of it.
 *
 * Setup outside the browser: the merchant's "proactive notes" switch is turned on in the demo's
 * database (the dashboard's settings form for it is tested in proactive-settings.db.test.ts), and
 * the mirror's initial sync — started by the demo itself — is awaited there too.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createDb, type Db } from "../../app/db.server";
import { DEMO_SHOPIFY_SHOP } from "../../app/demo/demo.server";
import { chatDialog, chatLog, launcher, widget } from "../../widget/e2e-helpers";
import { useDemoBrowser } from "./browser";

const e2e = useDemoBrowser();
let db: Db;
let storeId: string;

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  db = await createDb(`file:${path.join(e2e.demo.dataDir, "demo.sqlite")}`);
  const store = await db.store.findUniqueOrThrow({
    where: { platform_domain: { platform: "shopify", domain: DEMO_SHOPIFY_SHOP } },
  });
  storeId = store.id;
  await db.botSettings.update({ where: { storeId }, data: { proactive: true } });
  await until("the demo's initial mirror sync", async () => {
    const s = await db.orderMirrorSync.findUnique({ where: { storeId } });
    return s?.status === "done";
  });
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
});

/** A fresh browser on the Shopify demo storefront (embed's proactive switch on), signed in or not. */
async function storefront(signedIn: boolean): Promise<{ page: Page; notes: unknown[] }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const notes: unknown[] = [];
  page.on("response", async (r) => {
    if (/\/proactive(\?|$)/.test(new URL(r.url()).pathname + "?"))
      notes.push(await r.json().catch(() => null));
  });
  const url = `${e2e.demo.url}/demo/storefront/shopify?proactive=1`;
  if (signedIn) {
    await page.goto(url);
    await page.getByRole("button", { name: /Sign in as Alice Johnson/ }).click();
    await page.getByRole("button", { name: /Signed in as Alice Johnson/ }).waitFor();
    notes.length = 0;
  }
  await page.goto(url); // the sign-in form lands on the plain page; the embed's switch is in the query
  return { page, notes };
}

const teaser = (page: Page) => widget(page).locator('[role="status"].tease');

describe("proactive note for a late order", () => {
  it("GIVEN Alice's order #1001 ships and its ETA passes THEN her launcher shows the note and the panel explains it with the next step", async () => {
    // before: nothing about #1001 (it is not shipped yet)
    const before = await storefront(true);
    await teaser(before.page).waitFor({ timeout: 30_000 });
    expect(await teaser(before.page).innerText()).not.toContain("1001");
    await before.page.context().close();

    const res = await fetch(`${e2e.demo.url}/demo/api/late-order`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ order: "#1001" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, webhookStatus: 200 });
    // the webhook's job runs in the demo server; the mirrored #1001 becomes late
    await until("#1001 marked late in the mirror", async () => {
      const row = await db.orderMirror.findFirst({ where: { storeId, orderNumber: "1001" } });
      return row?.riskReason === "past_eta";
    });

    const { page, notes } = await storefront(true);
    await teaser(page).waitFor({ timeout: 30_000 });
    const note = await teaser(page).innerText();
    expect(note).toContain("1001");
    const answered = notes.at(-1) as { note: { text: string; explanation: string; nextStep: string } };
    expect(answered.note.text).toBe(note.trim());
    // the note opens the panel: the explanation and the next step, in English, after the greeting
    await teaser(page).getByRole("button", { name: note.trim() }).click();
    await chatDialog(page).waitFor({ state: "visible" });
    const log = await chatLog(page).innerText();
    expect(log).toContain(answered.note.explanation);
    expect(log).toContain(answered.note.nextStep);
    expect(answered.note.explanation).toMatch(/1001/);
    expect(answered.note.explanation).toMatch(/UPS/);
    await page.context().close();
  });

  it("an anonymous browser on the same storefront sees no note and no order", async () => {
    const { page, notes } = await storefront(false);
    await until("the launcher's proactive request", async () => notes.length > 0, 30_000);
    expect(notes).toEqual([{}]);
    await launcher(page).waitFor();
    // whatever the launcher shows (the greeting teaser at most), nothing about any order
    const shown = await widget(page).evaluate((el) =>
      [...(el.shadowRoot?.querySelectorAll(".tease, [role=dialog]") ?? [])]
        .map((n) => (n as HTMLElement).innerText)
        .join("\n"),
    );
    expect(shown).not.toMatch(/1001|1004|UPS|late|estimated/i);
    await launcher(page).click();
    await chatDialog(page).waitFor({ state: "visible" });
    expect(await chatLog(page).innerText()).not.toMatch(/1001|1004|UPS/);
    await page.context().close();
  });
});
