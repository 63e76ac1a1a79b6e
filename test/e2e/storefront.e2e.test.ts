/**
 * The storefront widget in a real browser (Debian Chromium via playwright-core) against
 * `npm run demo`: open, ask for a demo order, verify, see the order card with the right carrier
 * and link — on desktop and on a phone, by mouse and keyboard only, on both demo storefronts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { startDemo, type RunningDemo } from "./demo";
import {
  chatDialog,
  getOrderCard,
  launcher,
  LABELS,
  openChat,
  sendMessage,
  waitForBotText,
} from "../../widget/e2e-helpers";

let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const SCENARIOS = [
  {
    platform: "shopify",
    order: "#1002",
    email: "marcus.reed@example.net",
    carrier: /UPS/,
    tracking: "1ZA84R270384120936",
    link: /^https:\/\/www\.ups\.com\//,
  },
  {
    platform: "woocommerce",
    order: "2012",
    email: "daan.devries@example.com",
    carrier: /Deutsche Post/,
    tracking: "LX304182752DE",
    link: /^https:\/\/www\.deutschepost\.de\/.*LX304182752DE/,
  },
] as const;

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 360, height: 740 }, isMobile: true },
] as const;

async function newPage(vp: (typeof VIEWPORTS)[number]): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: vp.viewport,
    isMobile: vp.isMobile,
    hasTouch: vp.isMobile,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(`${m.text()} ${m.location().url}`));
  return { page, errors };
}

describe.each(SCENARIOS)("$platform demo storefront", (s) => {
  it.each(VIEWPORTS)("tracks an order on $name", async (vp) => {
    const { page, errors } = await newPage(vp);
    await page.goto(`${demo.url}/demo/storefront/${s.platform}`);
    await openChat(page);
    await sendMessage(page, `where is my order ${s.order}?`);
    await waitForBotText(page, /email|phone/i);
    // nothing about the order is shown before verification
    expect(await chatDialog(page).getByRole("article").count()).toBe(0);
    await sendMessage(page, s.email);
    const card = await getOrderCard(page);
    expect(card.carrier).toMatch(s.carrier);
    expect(card.trackingNumber).toContain(s.tracking);
    expect(card.trackingUrl).toMatch(s.link);
    if (vp.name === "phone") {
      const box = await chatDialog(page).boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(350); // full-screen panel on a phone
    }
    expect(errors.filter((e) => !/favicon/i.test(e))).toEqual([]);
    await page.context().close();
  });

  it("works with the keyboard only: open, type, send, close with Esc, focus back on the launcher", async () => {
    const { page } = await newPage(VIEWPORTS[0]);
    await page.goto(`${demo.url}/demo/storefront/${s.platform}`);
    await launcher(page).waitFor();
    await launcher(page).focus();
    await page.keyboard.press("Enter");
    const box = chatDialog(page).getByRole("textbox", { name: LABELS.input });
    await expect
      .poll(async () => box.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await page.keyboard.type(`where is my order ${s.order}`);
    await page.keyboard.press("Enter");
    await waitForBotText(page, /email|phone/i);
    await page.keyboard.type(s.email);
    await page.keyboard.press("Enter");
    const card = await getOrderCard(page);
    expect(card.trackingNumber).toContain(s.tracking);
    await page.keyboard.press("Escape");
    await chatDialog(page).waitFor({ state: "hidden" });
    expect(await launcher(page).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(
      true,
    );
    await page.context().close();
  });
});

describe("privacy in the browser", () => {
  it("a wrong email gets the same answer as an unknown order and shows no order data", async () => {
    const { page } = await newPage(VIEWPORTS[0]);
    await page.goto(`${demo.url}/demo/storefront/shopify`);
    await openChat(page);
    await sendMessage(page, "where is my order #1003?");
    await waitForBotText(page, /email|phone/i);
    await sendMessage(page, "someone.else@example.com");
    const reply = await waitForBotText(page, /couldn't find|could not find|can't find/i);
    expect(reply).not.toMatch(/USPS|9400111899223855710247|Delivered/);
    expect(await chatDialog(page).getByRole("article").count()).toBe(0);
    await page.context().close();
  });
});
