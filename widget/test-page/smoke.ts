/**
 * Drives the widget on the test page in real Chromium and saves screenshots.
 *   npx tsx widget/test-page/smoke.ts [outDir]      (build first; default outDir /tmp/trulybot-shots)
 * Env: CHROMIUM=/usr/bin/chromium
 * Exits non-zero when a check fails.
 */
import { chromium, type Page } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { startServer } from "./serve.mjs";
import {
  chatDialog,
  clickQuickReply,
  getErrorText,
  getOrderCard,
  launcher,
  openChat,
  sendMessage,
  waitForBotText,
} from "../e2e-helpers";

const out = process.argv[2] || "/tmp/trulybot-shots";
const failures: string[] = [];
function check(cond: unknown, what: string) {
  if (!cond) failures.push(what);
  console.log((cond ? "ok   " : "FAIL ") + what);
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(350);
  await page.screenshot({ path: `${out}/${name}.png` });
}

async function main() {
  await mkdir(out, { recursive: true });
  const server = await startServer(0, { delayMs: 300 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    // ---------- desktop: full order-tracking flow ----------
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const configStatuses: number[] = [];
    page.on("response", (r) => r.url().endsWith("/apps/trulybot/config") && configStatuses.push(r.status()));
    const panelRequests: string[] = [];
    page.on("request", (r) => r.url().includes("trulybot-panel.js") && panelRequests.push(r.url()));
    await page.goto(server.url + "/");
    await launcher(page).waitFor();
    await page.waitForTimeout(300);
    check(panelRequests.length === 0, "panel script is not loaded before interaction");
    check(
      (await launcher(page).getAttribute("aria-label")) === "Chat with us",
      "launcher has an accessible name",
    );
    await shot(page, "01-desktop-launcher");

    await openChat(page);
    check(panelRequests.length === 1, "panel script loaded on click");
    check(
      (await launcher(page).getAttribute("aria-expanded")) === "true",
      "launcher aria-expanded=true when open",
    );
    const focused = await page.evaluate(
      () => document.getElementById("trulybot-root")?.shadowRoot?.activeElement?.id,
    );
    check(focused === "tb-input", "focus moves to the message field on open");
    check(
      (await chatDialog(page).getAttribute("aria-label")) === "Chat with Demo Outfitters",
      "dialog named from config",
    );
    await shot(page, "02-desktop-open");

    await sendMessage(page, "where is my order?");
    await waitForBotText(page, /order number/);
    const inputType1 = await chatDialog(page).getByRole("textbox").first().getAttribute("placeholder");
    check(/Order number/.test(inputType1 || ""), "awaiting order_number changes the placeholder");
    await sendMessage(page, "1002");
    await waitForBotText(page, /email or phone/);
    const type = await page.evaluate(
      () =>
        (document.getElementById("trulybot-root")?.shadowRoot?.getElementById("tb-input") as HTMLInputElement)
          .type,
    );
    check(type === "email", "awaiting email_or_phone switches the field to type=email");
    await sendMessage(page, "marcus.reed@example.net");
    const card = await getOrderCard(page);
    console.log(JSON.stringify(card, null, 1));
    check(card.carrier === "UPS", "order card shows the carrier");
    check(card.trackingNumber === "1ZA84R270384120936", "order card shows the tracking number");
    check(card.trackingUrl?.startsWith("https://www.ups.com/"), "order card has the tracking link");
    check(card.trackingLinkText === "Track with UPS", "tracking link is named after the carrier");
    check(/^Expected /.test(card.when || ""), "order card shows the ETA");
    check(card.status === "Shipped", "order card shows the status label");
    const rel = await chatDialog(page).locator('[data-field="tracking-link"]').last().getAttribute("rel");
    check(rel === "noopener noreferrer", "tracking link rel=noopener noreferrer");
    await shot(page, "03-desktop-order-card");

    // persistence across reloads
    await page.reload();
    await openChat(page);
    const again = await getOrderCard(page);
    check(
      again.trackingNumber === "1ZA84R270384120936",
      "conversation survives a page reload (sessionStorage)",
    );
    await page.waitForTimeout(300);
    check(
      configStatuses[0] === 200 && configStatuses[1] === 304,
      "config revalidated with If-None-Match → 304 (" + configStatuses.join(",") + ")",
    );

    // Esc closes, focus returns to the launcher
    await page.keyboard.press("Escape");
    await chatDialog(page).waitFor({ state: "hidden" });
    const back = await page.evaluate(() =>
      document.getElementById("trulybot-root")?.shadowRoot?.activeElement?.getAttribute("aria-haspopup"),
    );
    check(back === "dialog", "Esc closes and focus returns to the launcher");

    // split shipment + order list + handoff
    await openChat(page);
    await sendMessage(page, "show my orders");
    await waitForBotText(page, /recent orders/);
    await shot(page, "04-desktop-order-list");
    await clickQuickReply(page, /#1004/);
    await waitForBotText(page, /email or phone/);
    await sendMessage(page, "alice.johnson@example.com");
    const split = await getOrderCard(page);
    check(
      split.shipments.length === 2 && split.shipments[1].carrier === "DHL eCommerce",
      "split shipment shows both packages",
    );
    await shot(page, "05-desktop-split");
    await sendMessage(page, "talk to a person");
    await waitForBotText(page, /pass this to our team/);
    await shot(page, "06-desktop-handoff");
    const hf = chatDialog(page).locator("form.hf").last();
    await hf.getByLabel("Your email").fill("alice.johnson@example.com");
    await hf.getByLabel("How can we help?").fill("My poles are late");
    await hf.getByRole("button", { name: "Send to our team" }).click();
    await waitForBotText(page, /email you at alice\.johnson@example\.com/);
    check(true, "handoff form posts and shows the confirmation");

    // errors
    await sendMessage(page, "down");
    await chatDialog(page).getByRole("alert").waitFor({ timeout: 10_000 });
    check(
      /Couldn't reach us/.test((await getErrorText(page)) || ""),
      "503 after retries shows Couldn't reach us + Retry",
    );
    await shot(page, "07-desktop-error");
    await sendMessage(page, "limit");
    await page.waitForTimeout(800);
    check(/try again in 5 seconds/.test((await getErrorText(page)) || ""), "429 shows the Retry-After wait");
    await sendMessage(page, "flaky");
    await waitForBotText(page, /back/, { timeout: 10_000 });
    check(true, "network errors are retried (2 retries) and then succeed");

    // hostile text is never HTML
    await sendMessage(page, "xss");
    await page.waitForTimeout(1200);
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    const imgs = await chatDialog(page).locator("img").count();
    const jsLinks = await chatDialog(page).locator('a[href^="javascript"]').count();
    check(
      !pwned && imgs === 0 && jsLinks === 0,
      "untrusted text is rendered as text; javascript: links dropped",
    );
    check(errors.length === 0, "no page errors: " + errors.join("; "));
    await ctx.close();

    // ---------- dark mode ----------
    const dark = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
    const dp = await dark.newPage();
    await dp.goto(server.url + "/");
    await openChat(dp);
    await sendMessage(dp, "1004");
    await waitForBotText(dp, /email or phone/);
    await sendMessage(dp, "alice.johnson@example.com");
    await getOrderCard(dp);
    await shot(dp, "08-desktop-dark");
    await dark.close();

    // ---------- mobile 360 px, Spanish, left, mid-luminance accent ----------
    const server2 = await startServer(0, {
      delayMs: 300,
      accent: "#cc5500",
      position: "left",
      name: "Tienda Demo",
    });
    const mob = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const mp = await mob.newPage();
    await mp.goto(server2.url + "/?locale=es&position=left&accent=%23cc5500");
    await launcher(mp).waitFor();
    check(
      (await launcher(mp).getAttribute("aria-label")) === "Chatea con nosotros",
      "launcher label localized (es)",
    );
    await shot(mp, "09-mobile-launcher");
    await openChat(mp);
    await mp.waitForTimeout(400);
    const box = await chatDialog(mp).boundingBox();
    check(box && box.width === 360 && box.height === 740, "panel is full-screen at 360 px");
    check(
      (await chatDialog(mp).getByRole("button", { name: "Enviar" }).count()) === 1,
      "send button localized (es)",
    );
    await shot(mp, "10-mobile-open");
    await sendMessage(mp, "1002");
    await waitForBotText(mp, /email or phone/);
    await sendMessage(mp, "+1 303-555-0161");
    await getOrderCard(mp);
    await shot(mp, "11-mobile-order-card");
    const scrollW = await mp.evaluate(() => document.documentElement.scrollWidth);
    check(scrollW <= 360, "no horizontal overflow at 360 px");
    const colors = await mp.evaluate(() => {
      const host = document.getElementById("trulybot-root")!;
      const cs = getComputedStyle(host);
      return { bg: cs.getPropertyValue("--tb-bg").trim(), fg: cs.getPropertyValue("--tb-fg").trim() };
    });
    console.log("mid-luminance accent #cc5500 →", colors);
    check(
      colors.bg !== "#cc5500" && colors.fg !== "",
      "mid-luminance accent adjusted for 4.5:1 text contrast",
    );
    await mob.close();
    await server2.close();

    // ---------- proactive teaser ----------
    const pro = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const pp = await pro.newPage();
    await pp.goto(server.url + "/?proactive=true");
    await pp.locator("#trulybot-root .tease").waitFor({ timeout: 10_000 });
    check(true, "proactive: greeting teaser appears on idle without opening the dialog");
    await shot(pp, "12-desktop-proactive");
    await pro.close();
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(failures.length ? `\n${failures.length} check(s) failed` : "\nall checks passed");
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
