/**
 * Self-service actions in a real browser (Debian Chromium via playwright-core) against `npm run demo`,
 * as a newcomer would try them: on both demo storefronts the shopper asks, verifies the order, reads
 * the one-time code in the demo mailbox (/demo/mailbox), types it, sees the summary and confirms —
 * or says no and nothing changes; an order that has been sent is refused in plain words and no code is
 * mailed. The merchant then sees each action in the dashboard's Self-service page, and the store
 * itself (the emulator behind the demo) shows the change when the shopper asks again.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { gotoStorefront, pageWithErrors, useDemoBrowser } from "./browser";
import { oauthNonce, signOAuthQuery } from "../../app/platforms/woocommerce/oauth";
import { DEMO_SHOP } from "../emulators/shopify-admin/emulator";
import { DEMO_WRITE_TOKEN } from "../emulators/shopify-admin/mutations";
import {
  botMessages,
  chatDialog,
  chatLog,
  clickQuickReply,
  getOrderCard,
  openChat,
  sendMessage,
  waitForBotText,
} from "../../widget/e2e-helpers";

const e2e = useDemoBrowser({ merchant: true });

async function shopper(
  platform: "shopify" | "woocommerce",
  lang = "en",
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await pageWithErrors(e2e.browser);
  await gotoStorefront(page, e2e.demo, platform, lang);
  await openChat(page);
  return { page, errors };
}

/** The codes mailed to `to`, newest first, as the demo mailbox page lists them (subject "Your … code: 123456"). */
async function mailedCodes(to: string): Promise<string[]> {
  const page = await e2e.merchant.newPage();
  await page.goto(`${e2e.demo.url}/demo/mailbox`);
  await page.getByRole("heading", { name: "Demo mailbox" }).waitFor();
  const subjects = await page
    .locator("summary")
    .filter({ hasText: `to ${to}` })
    .allInnerTexts();
  await page.close();
  // "Your Demo Outfitters code: 123456" (in the shopper's language: the 6 digits are the code)
  return subjects.map((s) => /\b(\d{6})\b/.exec(s)?.[1]).filter((c): c is string => !!c);
}

/** Waits for a code mailed to `to` that is not among `before`; returns it. */
async function newCode(to: string, before: string[]): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => (code = (await mailedCodes(to)).find((c) => !before.includes(c))), { timeout: 15_000 })
    .toBeTruthy();
  return code!;
}

/** Ask for `request`, prove the order with its email, then read the mailed code and type it. */
const STEP = {
  en: { contact: /email|phone/i, codeSent: /code is on its way/i, ok: /confirmed/i },
  es: {
    contact: /correo electrónico o teléfono/,
    codeSent: /hay un código en camino/,
    ok: /Gracias, confirmado/,
  },
};

async function verifyWithCode(page: Page, request: string, email: string, lang: "en" | "es" = "en") {
  const before = await mailedCodes(email);
  await sendMessage(page, request);
  await waitForBotText(page, STEP[lang].contact);
  await sendMessage(page, email);
  await waitForBotText(page, STEP[lang].codeSent);
  const code = await newCode(email, before);
  await sendMessage(page, code);
  await waitForBotText(page, STEP[lang].ok);
}

/** "Where is my order?" again in the same chat: the bot asks for the email again, then shows a new card. */
async function askStatusAgain(page: Page, order: string, email: string): Promise<void> {
  const cards = await chatDialog(page).getByRole("article").count();
  const asked = await botMessages(page)
    .filter({ hasText: /email address or phone/ })
    .count();
  await sendMessage(page, `where is my order ${order}?`);
  await expect
    .poll(() =>
      botMessages(page)
        .filter({ hasText: /email address or phone/ })
        .count(),
    )
    .toBeGreaterThan(asked);
  await sendMessage(page, email);
  await expect.poll(() => chatDialog(page).getByRole("article").count()).toBeGreaterThan(cards);
}

/** The order's notes as the WooCommerce store itself has them (REST v3, signed with the demo's key). */
async function wooNotes(order: string): Promise<string[]> {
  const emu = JSON.parse(fs.readFileSync(path.join(e2e.demo.dataDir, "emulators.json"), "utf8")) as {
    wooStoreUrl: string;
    wooConsumerKey: string;
    wooConsumerSecret: string;
  };
  const url = `${emu.wooStoreUrl}/wp-json/wc/v3/orders/${order}/notes`;
  const q = signOAuthQuery({
    method: "GET",
    baseUrl: url,
    params: {},
    consumerKey: emu.wooConsumerKey,
    consumerSecret: emu.wooConsumerSecret,
    timestamp: Date.now() / 1000,
    nonce: oauthNonce(),
  });
  const res = await fetch(`${url}?${new URLSearchParams(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { note: string }[]).map((n) => n.note);
}

/** The return requests of a Shopify order as the shop itself has them (Admin GraphQL 2026-01). */
async function shopifyReturns(orderId: string) {
  const emu = JSON.parse(fs.readFileSync(path.join(e2e.demo.dataDir, "emulators.json"), "utf8")) as {
    shopifyAdminOrigin: string;
  };
  const query = `query R($id: ID!) { order(id: $id) { returns(first: 5) { nodes { status
    returnLineItems(first: 10) { nodes { ... on ReturnLineItem { quantity customerNote
      returnReasonDefinition { handle } fulfillmentLineItem { lineItem { title } } } } } } } } }`;
  const res = await fetch(`${emu.shopifyAdminOrigin}/admin/api/2026-01/graphql.json`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Access-Token": DEMO_WRITE_TOKEN,
      Host: DEMO_SHOP,
    },
    body: JSON.stringify({ query, variables: { id: orderId } }),
  });
  const body = (await res.json()) as {
    errors?: unknown;
    data: {
      order: {
        returns: {
          nodes: {
            status: string;
            returnLineItems: {
              nodes: {
                quantity: number;
                customerNote: string | null;
                returnReasonDefinition: { handle: string } | null;
                fulfillmentLineItem: { lineItem: { title: string } };
              }[];
            };
          }[];
        };
      };
    };
  };
  expect(body.errors).toBeUndefined();
  return body.data.order.returns.nodes;
}

/** The subjects and bodies of the mails in the demo mailbox whose subject matches. */
async function mails(subject: RegExp): Promise<string[]> {
  const page = await e2e.merchant.newPage();
  await page.goto(`${e2e.demo.url}/demo/mailbox`);
  await page.getByRole("heading", { name: "Demo mailbox" }).waitFor();
  const items = page.locator("li").filter({ has: page.locator("summary", { hasText: subject }) });
  const out: string[] = [];
  for (const item of await items.all()) {
    await item.locator("summary").click();
    out.push(await item.innerText());
  }
  await page.close();
  return out;
}

/** The merchant's Self-service page for a store of the demo workspace ("Recent actions"). */
async function recentActions(storeName: RegExp): Promise<string> {
  const page = await e2e.merchant.newPage();
  await page.goto(`${e2e.demo.url}/dashboard/actions`);
  await page.getByRole("heading", { name: "Self-service" }).first().waitFor();
  const current = await page.getByText(/^Store: /).count();
  if (current && !(await page.getByText(/^Store: /).innerText()).match(storeName)) {
    await page.getByText(/^Store: /).click();
    await page.getByText(storeName).last().click();
    await page.waitForURL(/\/dashboard\/actions$/);
    await expect.poll(async () => page.getByText(/^Store: /).innerText()).toMatch(storeName);
  }
  await page.getByRole("heading", { name: "Recent actions" }).waitFor();
  const text = await page.locator("body").innerText();
  await page.close();
  return text.slice(text.indexOf("Recent actions"));
}

describe("Shopify demo storefront", () => {
  it("cancels an unfulfilled order after the mailed code, and the dashboard shows it", async () => {
    const { page, errors } = await shopper("shopify");
    await verifyWithCode(page, "please cancel my order #1001", "alice.johnson@example.com");
    const summary = await waitForBotText(page, /Cancel order #1001/);
    expect(summary).toMatch(/\$300\.89/);
    await clickQuickReply(page, "Yes, do it");
    await waitForBotText(page, /Done - order #1001 is cancelled/);
    // the store really changed: asking again (and proving the order again) shows it as cancelled
    await askStatusAgain(page, "#1001", "alice.johnson@example.com");
    const card = await getOrderCard(page);
    expect(card.number).toContain("1001");
    expect(card.status).toMatch(/^Cancelled$/);
    expect(errors).toEqual([]);
    await page.context().close();

    const recent = await recentActions(/Demo Outfitters/);
    expect(recent).toMatch(/done\s*Cancel[^\n]*#1001 · verified by one-time code/);
  });

  it("the shopper says no: nothing changes and the order still waits for payment", async () => {
    const { page } = await shopper("shopify");
    await verifyWithCode(page, "cancel order #1007", "sofia.garcia@example.com");
    await waitForBotText(page, /Cancel order #1007/);
    await clickQuickReply(page, "No, keep it as it is");
    await waitForBotText(page, /nothing was changed on #1007/);
    await askStatusAgain(page, "#1007", "sofia.garcia@example.com");
    const card = await getOrderCard(page);
    expect(card.number).toContain("1007");
    expect(card.status).not.toMatch(/cancel/i);
    expect(card.text).toMatch(/payment/i);
    await page.context().close();
    expect(await recentActions(/Demo Outfitters/)).not.toMatch(/#1007/);
  });

  it("a sent order is refused in plain words, a person is offered and no code is mailed", async () => {
    const { page } = await shopper("shopify");
    const before = await mailedCodes("marcus.reed@example.net");
    await sendMessage(page, "cancel my order #1002");
    await waitForBotText(page, /email|phone/i);
    await sendMessage(page, "marcus.reed@example.net");
    const reply = await waitForBotText(page, /#1002 has already been sent/);
    expect(reply).toMatch(/person/);
    await expect
      .poll(() =>
        chatDialog(page)
          .getByRole("button", { name: /person|human|team/i })
          .count(),
      )
      .toBeGreaterThan(0);
    expect(
      await botMessages(page)
        .filter({ hasText: /code is on its way/ })
        .count(),
    ).toBe(0);
    expect(await mailedCodes("marcus.reed@example.net")).toEqual(before);
    await page.context().close();
  });
});

describe("WooCommerce demo storefront", () => {
  it("changes the shipping address of an unfulfilled order after the mailed code, and the dashboard shows it", async () => {
    const { page, errors } = await shopper("woocommerce");
    await verifyWithCode(page, "I typed the wrong address for order 2001", "lena.schmidt@example.com");
    await waitForBotText(page, /new shipping address for #2001/);
    await sendMessage(page, "Schanzenstraße 12, 20357 Hamburg");
    const summary = await waitForBotText(page, /Change the shipping address of #2001/);
    expect(summary).toMatch(/Schanzenstraße 12/);
    expect(summary).toMatch(/20357 Hamburg/);
    await clickQuickReply(page, "Yes, do it");
    const done = await waitForBotText(page, /Done - #2001 will ship to/);
    expect(done).toMatch(/Schanzenstraße 12/);
    expect(errors).toEqual([]);
    await page.context().close();

    const recent = await recentActions(/Garden/);
    expect(recent).toMatch(/done\s*Change[^\n]*#2001 · verified by one-time code/);
  });

  it("a bad address is explained, and saying no keeps the old one", async () => {
    const { page } = await shopper("woocommerce");
    await verifyWithCode(page, "change the shipping address of order 2008", "jonas.richter@example.com");
    await waitForBotText(page, /new shipping address for #2008/);
    await sendMessage(page, "Hauptstraße 3, 999 Köln");
    await waitForBotText(page, /postal code doesn't look right/);
    await sendMessage(page, "Hauptstraße 3, 50667 Köln");
    await waitForBotText(page, /Change the shipping address of #2008/);
    await clickQuickReply(page, "No, keep it as it is");
    await waitForBotText(page, /nothing was changed on #2008/);
    await page.context().close();
    expect(await recentActions(/Garden/)).not.toMatch(/#2008/);
  });

  it("a completed order is refused in plain words and no code is mailed", async () => {
    const { page } = await shopper("woocommerce");
    const before = await mailedCodes("daan.devries@example.com");
    await sendMessage(page, "please cancel order 2012");
    await waitForBotText(page, /email|phone/i);
    await sendMessage(page, "daan.devries@example.com");
    const reply = await waitForBotText(page, /#2012 has already been sent/);
    expect(reply).toMatch(/person/);
    expect(
      await botMessages(page)
        .filter({ hasText: /code is on its way/ })
        .count(),
    ).toBe(0);
    expect(await mailedCodes("daan.devries@example.com")).toEqual(before);
    await page.context().close();
  });
});

describe("return request with item and reason selection", () => {
  it("in Spanish on the Shopify storefront: tick the items, pick the reason, confirm; the dashboard shows it", async () => {
    const { page, errors } = await shopper("shopify", "es");
    await verifyWithCode(page, "quiero devolver mi pedido #1003", "alice.johnson@example.com", "es");
    await waitForBotText(page, /¿Qué artículos de #1003 devuelves\?/);
    const dialog = chatDialog(page);
    const fleece = dialog.getByRole("checkbox", { name: /Summit Fleece Pullover/ });
    const beanie = dialog.getByRole("checkbox", { name: /Trailhead Beanie/ });
    expect(await fleece.isChecked()).toBe(false);
    // nothing ticked: the widget says so in Spanish and sends nothing
    const sentBefore = await chatLog(page).locator('[data-role="shopper"]').count();
    await dialog.getByRole("button", { name: "Continuar" }).click();
    await expect
      .poll(() => dialog.getByRole("alert").filter({ hasText: "Elige al menos un artículo." }).count())
      .toBe(1);
    expect(await chatLog(page).locator('[data-role="shopper"]').count()).toBe(sentBefore);
    // by keyboard: Space ticks the focused box
    await beanie.focus();
    await page.keyboard.press("Space");
    expect(await beanie.isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "Continuar" }).click();
    await waitForBotText(page, /¿Por qué devuelves #1003\?/);
    await clickQuickReply(page, "Dañado o defectuoso");
    const summary = await waitForBotText(page, /¿Solicitar la devolución de/);
    expect(summary).toContain(
      "1 × Trailhead Beanie (One Size / Rust) del pedido #1003 (Dañado o defectuoso)",
    );
    expect(summary).not.toContain("Summit Fleece");
    await clickQuickReply(page, "Sí, hazlo");
    await waitForBotText(page, /Tu solicitud de devolución de #1003 está registrada/);
    // the picker of a finished step is not offered again
    expect(await dialog.getByRole("checkbox").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();

    // the shop has the request: only the beanie, with the reason as the shop's reason definition
    const [ret] = await shopifyReturns("gid://shopify/Order/5500000000003");
    expect(ret.status).toBe("REQUESTED");
    expect(ret.returnLineItems.nodes).toEqual([
      expect.objectContaining({
        quantity: 1,
        returnReasonDefinition: { handle: "damaged-or-defective" },
        fulfillmentLineItem: { lineItem: { title: "Trailhead Beanie" } },
      }),
    ]);
    expect(ret.returnLineItems.nodes[0].customerNote).toMatch(/^DEFECTIVE: /);

    const recent = await recentActions(/Demo Outfitters/);
    expect(recent).toMatch(/done\s*[^\n]*#1003 · verified by one-time code/);
  });
});

describe("return request on the WooCommerce storefront (returns turned on in the demo store)", () => {
  it("code step, tick two of three items, reason, summary, confirm: the order note and the handoff name them", async () => {
    const notesBefore = await wooNotes("2003");
    const { page, errors } = await shopper("woocommerce");
    await verifyWithCode(page, "I want to return my order 2003", "katrin.hoffmann@example.com");
    await waitForBotText(page, /Which items of #2003 are you sending back\?/);
    const dialog = chatDialog(page);
    expect(await dialog.getByRole("checkbox").count()).toBe(3);
    await dialog.getByRole("checkbox", { name: /Spring Bulb Collection/ }).check();
    await dialog.getByRole("checkbox", { name: /Garlic Bulbs/ }).check();
    await dialog.getByRole("button", { name: "Continue" }).click();
    await waitForBotText(page, /Why are you sending #2003 back\?/);
    await clickQuickReply(page, "Damaged or faulty");
    const summary = await waitForBotText(page, /Request a return of/);
    expect(summary).toContain("2 × Spring Bulb Collection (Tulips & Daffodils)");
    expect(summary).toContain("2 × Garlic Bulbs 'Thermidrome' 250 g");
    expect(summary).toContain("from #2003 (Damaged or faulty)");
    expect(summary).not.toContain("Hand Trowel");
    await clickQuickReply(page, "Yes, do it");
    await waitForBotText(page, /Your return request for #2003 is in/);
    expect(await dialog.getByRole("checkbox").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();

    // the store's own order notes carry the chosen items and the reason (WooCommerce has no returns core)
    // — the request itself and the audit note every action leaves (who, what, reference)
    const added = (await wooNotes("2003")).filter((n) => !notesBefore.includes(n));
    expect(added.length).toBe(2);
    const note = added.find((n) => /asked to return/.test(n))!;
    const audit = added.find((n) => n !== note)!;
    expect(audit).toContain("verified by one-time code");
    expect(audit).toContain(
      "Items: 2 × Spring Bulb Collection (Tulips & Daffodils), 2 × Garlic Bulbs 'Thermidrome' 250 g",
    );
    expect(audit).not.toContain("Hand Trowel");
    expect(note).toContain("2 × Spring Bulb Collection (Tulips & Daffodils)");
    expect(note).toContain("2 × Garlic Bulbs 'Thermidrome' 250 g");
    expect(note).toContain("DEFECTIVE");
    expect(note).not.toContain("Hand Trowel");
    // the team's handoff (mailed to the merchant) names the same items and the reason
    let handoff: string[] = [];
    await expect
      .poll(async () => (handoff = await mails(/order #2003/)).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(handoff[0]).toContain("Return request for #2003 (defective)");
    expect(handoff[0]).toContain("2 × Spring Bulb Collection (Tulips & Daffodils)");
    expect(handoff[0]).toContain("2 × Garlic Bulbs 'Thermidrome' 250 g");
    expect(handoff[0]).not.toContain("Hand Trowel");

    const recent = await recentActions(/Garden/);
    expect(recent).toMatch(/done\s*[^\n]*#2003 · verified by one-time code/);
  });

  it("the shopper says no at the summary: no note on the order, no handoff, no action", async () => {
    const notesBefore = await wooNotes("2011");
    const { page } = await shopper("woocommerce");
    await verifyWithCode(page, "I want to return order 2011", "zoe.braendli@example.net");
    await waitForBotText(page, /Which items of #2011 are you sending back\?/);
    await chatDialog(page)
      .getByRole("checkbox", { name: /Japanese Pruning Shears/ })
      .check();
    await chatDialog(page).getByRole("button", { name: "Continue" }).click();
    await waitForBotText(page, /Why are you sending #2011 back\?/);
    await clickQuickReply(page, "Changed my mind");
    const summary = await waitForBotText(page, /Request a return of/);
    expect(summary).toContain("1 × Japanese Pruning Shears from #2011 (Changed my mind)");
    await clickQuickReply(page, "No, keep it as it is");
    await waitForBotText(page, /nothing was changed on #2011/);
    await page.context().close();
    expect(await wooNotes("2011")).toEqual(notesBefore);
    expect(await mails(/order #2011/)).toEqual([]);
    expect(await recentActions(/Garden/)).not.toMatch(/#2011/);
  });
});
