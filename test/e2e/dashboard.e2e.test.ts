/**
 * The merchant dashboard in a real browser (Debian Chromium via playwright-core) against
 * `npm run demo`: sign in through the single-use SSO link, change the bot and see the demo
 * WooCommerce storefront's widget follow; add an FAQ entry and get it as the bot's answer; a
 * handoff sent from the widget lands in the inbox and can be resolved.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { gotoStorefront, useDemoBrowser } from "./browser";
import { seriousAxeFindings } from "./axe";
import { chatDialog, openChat, sendMessage, waitForBotText, widget } from "../../widget/e2e-helpers";
import { palette } from "../../widget/src/color";

const e2e = useDemoBrowser({ merchant: true, openMerchantPage: dashboardPage });
const dashErrors: string[] = [];

// nothing is ignorable any more: fonts, icons and the favicon are the app's own
const ignorable = (_e: string) => false;
/** every URL the merchant's browser asked for, across all dashboard pages */
const requested: string[] = [];

/** A page in the merchant's browser whose requests and errors are recorded (the sign-in page's too). */
async function dashboardPage(merchant = e2e.merchant): Promise<Page> {
  const page = await merchant.newPage();
  page.on("request", (r) => requested.push(r.url()));
  page.on("pageerror", (e) => dashErrors.push(`pageerror ${e.message}`));
  page.on(
    "console",
    (m) =>
      (m.type() === "error" || m.type() === "warning") &&
      dashErrors.push(`${m.type()} ${m.text()} ${m.location().url}`),
  );
  return page;
}

async function storefront(): Promise<{ page: Page; errors: string[] }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await gotoStorefront(page, e2e.demo, "woocommerce");
  return { page, errors };
}

const axeProblems: string[] = [];

async function toast(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor({ state: "visible", timeout: 10_000 });
}

describe("merchant dashboard (standalone, WooCommerce demo store)", () => {
  it("without a session, /dashboard explains how to open it from WordPress (401)", async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`${e2e.demo.url}/dashboard/settings`);
    expect(res!.status()).toBe(401);
    await expect
      .poll(() => page.getByRole("heading", { name: "Open the dashboard from WordPress" }).isVisible())
      .toBe(true);
    await context.close();
  });

  it("changing the accent colour and greeting changes the storefront widget", async () => {
    const page = await dashboardPage();
    await page.goto(`${e2e.demo.url}/dashboard/settings`);
    const accent = "#8e24aa";
    const greeting = "Howdy from the garden team! Ask me where your parcel is.";
    await page.getByLabel("Accent colour", { exact: true }).fill(accent);
    await page.getByLabel("Greeting", { exact: true }).fill(greeting);
    // the live preview follows before saving
    await expect
      .poll(() => page.getByTestId("widget-preview").getAttribute("data-accent"))
      .toBe(palette(accent).bg);
    await page.getByRole("button", { name: "Save" }).click();
    await toast(page, "Settings saved");
    await page.close();

    const { page: shop, errors } = await storefront();
    await openChat(shop);
    await waitForBotText(shop, /Howdy from the garden team/);
    const bg = await widget(shop).evaluate((el) => getComputedStyle(el).getPropertyValue("--tb-bg").trim());
    expect(bg).toBe(palette(accent).bg);
    expect(errors).toEqual([]);
    await shop.context().close();
  });

  it("an FAQ entry added in the dashboard is the bot's answer", async () => {
    const page = await dashboardPage();
    await page.goto(`${e2e.demo.url}/dashboard/faq`);
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add entry" }) });
    await form.getByLabel("Question", { exact: true }).fill("Do you sell gift cards?");
    await form
      .getByLabel("Answer", { exact: true })
      .fill("Yes! Gift cards from €10 are on our Gift cards page and never expire.");
    await form.getByRole("button", { name: "Add entry" }).click();
    await toast(page, "FAQ entry added");
    await page.getByRole("heading", { name: "Do you sell gift cards?" }).waitFor();
    // the dashboard's own tester agrees
    await page.getByLabel("What a shopper might ask").fill("do you sell gift cards");
    await page.getByRole("button", { name: "Test", exact: true }).click();
    await page.getByText("The bot answers with:").waitFor();
    await page.close();

    const { page: shop } = await storefront();
    await openChat(shop);
    await sendMessage(shop, "do you sell gift cards?");
    await waitForBotText(shop, /Gift cards from €10/);
    await shop.context().close();
  });

  it("a handoff sent from the widget appears in the inbox and can be resolved", async () => {
    const { page: shop } = await storefront();
    await openChat(shop);
    await sendMessage(shop, "I want to talk to a human please");
    const dialog = chatDialog(shop);
    await dialog.getByLabel("Your email").last().waitFor({ timeout: 15_000 });
    await dialog.getByLabel("Your email").last().fill("e2e.shopper@example.com");
    await dialog.getByLabel("How can we help?").last().fill("My raised bed arrived with a cracked panel.");
    await dialog.getByRole("button", { name: "Send to our team" }).last().click();
    await waitForBotText(shop, /e\*\*\*r@example\.com|team|touch/i);
    await shop.context().close();

    const page = await dashboardPage();
    await page.goto(`${e2e.demo.url}/dashboard/handoffs?status=open`);
    const card = page.getByRole("article").filter({ hasText: "My raised bed arrived with a cracked panel." });
    await card.waitFor();
    await expect
      .poll(() => card.getByRole("link", { name: "e2e.shopper@example.com" }).isVisible())
      .toBe(true);
    // an open handoff offers to answer in the chat itself
    await expect.poll(() => card.getByRole("link", { name: "Reply in the chat" }).isVisible()).toBe(true);
    await card.getByRole("button", { name: "Mark resolved" }).click();
    await toast(page, "Marked as resolved");
    await page.goto(`${e2e.demo.url}/dashboard/handoffs?status=resolved`);
    await page
      .getByRole("article")
      .filter({ hasText: "My raised bed arrived with a cracked panel." })
      .getByText("Resolved", { exact: true })
      .waitFor();
    // …and its transcript is one click away
    await page
      .getByRole("article")
      .filter({ hasText: "My raised bed arrived with a cracked panel." })
      .getByRole("link", { name: "View conversation" })
      .click();
    await page.waitForURL(/\/dashboard\/conversations\/[^/]+$/);
    // the transcript view (not the list): the shopper's words and the conversation details
    await page.getByRole("heading", { name: "Details" }).waitFor();
    await expect.poll(() => page.getByText("I want to talk to a human please").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Handoff:").isVisible()).toBe(true);

    expect(await seriousAxeFindings(page)).toEqual([]);
    // live handoff: take over and reply as a person; the reply is in the transcript as the store's
    await page.getByLabel("Your reply").fill("Sorry about that! A new panel ships tomorrow.");
    await page.getByRole("button", { name: "Take over and send" }).click();
    await toast(page, /Reply sent/);
    await expect
      .poll(() => page.getByText("Sorry about that! A new panel ships tomorrow.").isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/^You \(store\)/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByRole("button", { name: "Hand back to the bot" }).click();
    await toast(page, "Handed back to the bot");

    // the merchant's notice is in the demo mailbox, with a link to this conversation and no internal ids
    const conversationUrl = page.url();
    await page.goto(`${e2e.demo.url}/demo/mailbox`);
    const notice = page.locator("li").filter({ hasText: "A shopper asked for a person" }).first();
    await notice.locator("summary").click();
    const body = await notice.locator("pre").innerText();
    expect(body).toContain("My raised bed arrived with a cracked panel.");
    expect(body).toContain(`Answer in the chat: ${conversationUrl}`);
    expect(body).not.toMatch(/Handoff id/);
    // …and the shopper, who has left the chat, got the reply by e-mail with a link back
    const reply = page.locator("li").filter({ hasText: "replied to your chat" }).first();
    await reply.locator("summary").click();
    expect(await reply.locator("pre").innerText()).toContain("A new panel ships tomorrow.");
    const files = fs.readdirSync(path.join(e2e.demo.dataDir, "mail"));
    expect(files.some((f) => f.endsWith("e2e.shopper@example.com.eml"))).toBe(true);
    await page.close();
  });

  it("every dashboard page loads without console errors, with its own title, a CSP, nothing cached, and log out ends the session", async () => {
    const page = await dashboardPage();
    const titles = new Set<string>();
    for (const p of ["", "/settings", "/faq", "/conversations", "/handoffs", "/stores"]) {
      const res = await page.goto(`${e2e.demo.url}/dashboard${p}`);
      expect(res!.status(), p).toBe(200);
      const h = res!.headers();
      expect(h["content-security-policy"], p).toMatch(/default-src 'self'/);
      expect(h["content-security-policy"], p).toMatch(/frame-ancestors 'none'/);
      expect(h["cache-control"], p).toBe("no-store");
      await page.waitForLoadState("networkidle");
      titles.add(await page.title());
      axeProblems.push(...(await seriousAxeFindings(page)).map((v) => `${p || "/"}: ${v}`));
    }
    expect(titles.size).toBe(6);
    expect(axeProblems).toEqual([]);
    expect([...titles]).toContain("Bot settings · TrulyBot dashboard");
    // the app serves its own favicon and font
    expect((await page.request.get(`${e2e.demo.url}/favicon.ico`)).status()).toBe(200);
    expect(requested.some((u) => /\.woff2$/.test(u) || /fonts.*\.css/.test(u))).toBe(true);
    // client-side navigation through the Polaris navigation
    await page.getByRole("link", { name: "Conversations" }).click();
    await page.waitForURL(/\/dashboard\/conversations$/);
    await page.getByRole("link", { name: /^Stores$/ }).click();
    await page.getByText("Demo Outfitters").first().waitFor();
    // the demo merchant owns both stores: the top bar switches which one the dashboard shows
    await page.goto(`${e2e.demo.url}/dashboard/conversations`);
    await page.getByText(/^Demo Woo Garden \(WooCommerce\) · times in Europe\/Berlin/).waitFor();
    await page.getByRole("button", { name: /^Store: Demo Woo Garden/ }).click();
    await page.getByText("Demo Outfitters (Shopify)", { exact: true }).click();
    await page.getByText(/^Demo Outfitters \(Shopify\) · times in America\/New York/).waitFor();
    expect(new URL(page.url()).pathname).toBe("/dashboard/conversations");
    expect(dashErrors.filter((e) => !ignorable(e))).toEqual([]);

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("heading", { name: "You're logged out" }).waitFor();
    const res = await page.goto(`${e2e.demo.url}/dashboard`);
    expect(res!.status()).toBe(401);
    await page.close();
  });

  it("the dashboard made no request to another origin (every request recorded)", () => {
    const origin = new URL(e2e.demo.url).origin;
    expect(requested.length).toBeGreaterThan(20);
    expect(requested.filter((u) => !u.startsWith("data:") && new URL(u).origin !== origin)).toEqual([]);
  });

  it("/app opened outside Shopify admin is a page that explains how to open it", async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${e2e.demo.url}/app`);
    await page.getByRole("heading", { name: "Open TrulyBot from your Shopify admin" }).waitFor();
    expect(await page.title()).toBe("Open TrulyBot from your Shopify admin");
    expect(await page.getByText("Unhandled Thrown Response").count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
