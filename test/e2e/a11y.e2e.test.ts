/**
 * axe-core (node_modules/axe-core, run in the page, piercing the widget's open shadow root) on every
 * storefront state of both demo storefronts — launcher, open panel, clarify chips, order card, the
 * handoff form, the error row when offline, the one-time-code step — on a desktop in light mode and on a
 * phone in dark mode; and on every dashboard page of the standalone shell. No serious or critical finding.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { gotoStorefront, useDemoBrowser } from "./browser";
import { seriousAxeFindings } from "./axe";
import { ambiguousMessage } from "../support/ambiguous";
import {
  chatDialog,
  chatLog,
  getOrderCard,
  launcher,
  LABELS,
  openChat,
  sendMessage,
  waitForBotText,
} from "../../widget/e2e-helpers";

const e2e = useDemoBrowser();

/** a message with a link (its contrast in dark mode was a finding) that makes the bot ask "X or Y?" */
const CLARIFY_MESSAGE = ambiguousMessage("https://example.com/help").text;

/** axe-core's serious and critical findings on the page as it is now ("state: rule: target — summary"). */
async function serious(page: Page, state: string): Promise<string[]> {
  return (await seriousAxeFindings(page)).map((f) => `${state}: ${f}`);
}

const STORES = [
  {
    platform: "shopify",
    order: "#1002",
    email: "marcus.reed@example.net",
    tracking: "1ZA84R270384120936",
    cancelOrder: "1001",
    cancelEmail: "alice.johnson@example.com",
  },
  {
    platform: "woocommerce",
    order: "2012",
    email: "daan.devries@example.com",
    tracking: "LX304182752DE",
    cancelOrder: "2001",
    cancelEmail: "lena.schmidt@example.com",
  },
] as const;

const LOOKS = [
  { name: "desktop, light", viewport: { width: 1280, height: 800 }, isMobile: false, colorScheme: "light" },
  { name: "phone, dark", viewport: { width: 360, height: 740 }, isMobile: true, colorScheme: "dark" },
] as const;

async function newPage(look: (typeof LOOKS)[number], userAgent?: string) {
  const context = await e2e.browser.newContext({
    viewport: look.viewport,
    isMobile: look.isMobile,
    hasTouch: look.isMobile,
    colorScheme: look.colorScheme,
    ...(userAgent ? { userAgent } : {}),
  });
  return context.newPage();
}

describe.each(STORES)("$platform storefront states", (s) => {
  it.each(LOOKS)(
    "launcher, panel, clarify, order card, handoff form, offline — $name",
    async (look) => {
      const page = await newPage(look);
      const problems: string[] = [];
      await gotoStorefront(page, e2e.demo, s.platform);
      await launcher(page).waitFor({ state: "visible" });
      problems.push(...(await serious(page, "launcher")));

      await openChat(page);
      problems.push(...(await serious(page, "open panel")));

      // the shopper's own bubble with a link (its contrast in dark mode was a finding)
      await sendMessage(page, CLARIFY_MESSAGE);
      await waitForBotText(page, /Just to be sure/);
      await chatLog(page).getByRole("button").first().waitFor();
      problems.push(...(await serious(page, "clarify chips, shopper link")));

      await sendMessage(page, `where is my order ${s.order}?`);
      await waitForBotText(page, /email|phone/i);
      await sendMessage(page, s.email);
      expect((await getOrderCard(page)).trackingNumber).toContain(s.tracking);
      problems.push(...(await serious(page, "order card")));

      await sendMessage(page, "I want to talk to a person");
      await chatDialog(page).locator("form.hf").last().waitFor({ state: "visible" });
      problems.push(...(await serious(page, "handoff form")));

      await page.context().setOffline(true);
      const box = chatDialog(page).getByRole("textbox", { name: LABELS.input });
      await box.fill("are you there?");
      await box.press("Enter");
      await chatLog(page).getByRole("alert").waitFor();
      problems.push(...(await serious(page, "offline error")));
      await page.context().setOffline(false);

      expect(problems).toEqual([]);
      await page.context().close();
    },
    180_000,
  );

  it("the one-time-code step (a guest asks to cancel an unfulfilled order) — desktop and phone", async () => {
    for (const look of LOOKS) {
      const page = await newPage(look);
      await gotoStorefront(page, e2e.demo, s.platform);
      await openChat(page);
      await sendMessage(page, `cancel order ${s.cancelOrder}`);
      await waitForBotText(page, /email|phone/i);
      await sendMessage(page, s.cancelEmail);
      const texts = () => chatLog(page).locator('[data-role="bot"]').allInnerTexts();
      await expect.poll(async () => (await texts()).join(" | "), { timeout: 15_000 }).toMatch(/6-digit code/);
      expect(await serious(page, `code step (${look.name})`)).toEqual([]);
      await page.context().close();
    }
  }, 180_000);
});

describe("dashboard pages", () => {
  it("every page of the standalone dashboard has no serious or critical axe finding", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(await e2e.demo.dashboardLink());
    await page.waitForURL(/\/dashboard$/);
    // a conversation with a handoff to look at
    const shop = await newPage(LOOKS[0]);
    await gotoStorefront(shop, e2e.demo, "woocommerce");
    await openChat(shop);
    await sendMessage(shop, "where is my order 2012?");
    await waitForBotText(shop, /email|phone/i);
    await sendMessage(shop, "daan.devries@example.com");
    await getOrderCard(shop);
    await shop.context().close();

    const problems: string[] = [];
    const titles = new Set<string>();
    const pages = ["", "/settings", "/faq", "/conversations", "/handoffs", "/stores", "/actions", "/at-risk"];
    for (const p of pages) {
      const res = await page.goto(`${e2e.demo.url}/dashboard${p}`);
      expect(res!.status(), p).toBe(200);
      await page.waitForLoadState("networkidle");
      titles.add(await page.title());
      problems.push(...(await serious(page, `/dashboard${p}`)));
    }
    // every page, the two the dashboard test does not visit included, has its own title
    expect(titles.size).toBe(pages.length);
    await page.goto(`${e2e.demo.url}/dashboard/conversations`);
    await page.locator('main a[href*="/dashboard/conversations/"]').first().click();
    await page.waitForURL(/\/dashboard\/conversations\/[^/]+$/);
    await page.getByRole("heading", { name: "Details" }).waitFor();
    problems.push(...(await serious(page, "/dashboard/conversations/:id")));
    // the demo's mailbox (one-time codes from the code-step tests are in it)
    await page.goto(`${e2e.demo.url}/demo/mailbox`);
    await page.locator("summary").first().click();
    problems.push(...(await serious(page, "/demo/mailbox")));
    // the phone-size dashboard too
    await page.setViewportSize({ width: 390, height: 844 });
    for (const p of ["", "/conversations", "/settings"]) {
      await page.goto(`${e2e.demo.url}/dashboard${p}`);
      await page.waitForLoadState("networkidle");
      problems.push(...(await serious(page, `phone /dashboard${p}`)));
    }
    expect(problems).toEqual([]);
    // …and nothing was fetched from another origin on any of them
    const origin = new URL(e2e.demo.url).origin;
    expect(requested.filter((u) => !u.startsWith("data:") && new URL(u).origin !== origin)).toEqual([]);
    await context.close();
  }, 180_000);
});
