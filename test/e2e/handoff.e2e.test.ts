/**
 * Conversations that end well, in a real browser (Debian Chromium) against the real demo server, on both
 * demo storefronts: the shopper verifies an order, asks for "the tracking link" without repeating the
 * number, asks for a person and sends a message (no e-mail asked: they are verified); the handoff is in
 * the demo mailbox; the merchant answers in the standalone dashboard (same browser) and the shopper sees
 * it in the open widget; the merchant answers the notice by e-mail and that lands in the chat too. A
 * shopper who has left gets the reply by e-mail with a link back, answers that e-mail, and opens the link
 * in a NEW browser (another device): the same conversation with everything before it; the link works
 * once (ADR 0033). ADR 0031: the demo's SMTP server posts replies to the inbound route.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { gotoStorefront, pageWithErrors, useDemoBrowser } from "./browser";
import { seriousAxeFindings } from "./axe";
import {
  chatDialog,
  chatLog,
  getOrderCard,
  openChat,
  sendMessage,
  waitForBotText,
} from "../../widget/e2e-helpers";

const e2e = useDemoBrowser({ merchant: true });

const STORES = [
  {
    platform: "shopify",
    order: "#1002",
    number: "1002",
    email: "marcus.reed@example.net",
    tracking: "1ZA84R270384120936",
    link: /https:\/\/www\.ups\.com\//,
  },
  {
    platform: "woocommerce",
    order: "2012",
    number: "2012",
    email: "daan.devries@example.com",
    tracking: "LX304182752DE",
    link: /https:\/\/www\.deutschepost\.de\//,
  },
] as const;

/** letters only: digit runs in a transcript are masked as phone numbers */
const word = () =>
  Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

/** Verify the order, ask for the tracking link, then hand off with a message; returns the bot's words. */
async function verifyAndHandOff(page: Page, s: (typeof STORES)[number], message: string) {
  await gotoStorefront(page, e2e.demo, s.platform);
  await openChat(page);
  await sendMessage(page, `where is my order ${s.order}?`);
  await waitForBotText(page, /email|phone/i);
  await sendMessage(page, s.email);
  expect((await getOrderCard(page)).trackingNumber).toContain(s.tracking);
  // right after the card, "the tracking link" needs no number again
  const bots = chatLog(page).locator('[data-role="bot"]');
  const before = await bots.count();
  await sendMessage(page, "can you send me the tracking link?");
  // the answer (text, then chips) has arrived when it carries the carrier's link
  const newAnswer = async () => {
    const all = await bots.evaluateAll((els) =>
      els.map((el) => ({
        text: (el as HTMLElement).innerText,
        hrefs: [...el.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? ""),
      })),
    );
    return all.slice(before);
  };
  await expect
    .poll(async () => (await newAnswer()).some((m) => m.hrefs.some((h) => s.link.test(h))), {
      timeout: 15_000,
    })
    .toBe(true);
  const answer = await newAnswer();
  expect(answer.map((m) => m.text).join("\n")).not.toMatch(/order number|which order/i);
  expect(answer.map((m) => m.text).join("\n")).toContain(s.tracking);

  await sendMessage(page, "I want to talk to a person");
  const form = chatDialog(page).locator("form.hf").last();
  await form.waitFor({ state: "visible" });
  expect(await form.locator('input[type="email"]').count()).toBe(0); // verified: not asked again
  await form.locator("textarea").fill(message);
  await form.getByRole("button", { name: "Send to our team" }).click();
  return waitForBotText(page, /passed this to the/i);
}

/** The mailbox entry (in /demo/mailbox, in the merchant's browser) whose subject matches. */
async function openMail(page: Page, subject: RegExp, hasText: string) {
  await page.goto(`${e2e.demo.url}/demo/mailbox`);
  const item = page.locator("li").filter({ hasText: subject }).filter({ hasText }).first();
  await expect
    .poll(
      async () => {
        if (await item.count()) return true;
        await page.reload();
        return false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await item.locator("summary").click();
  return item;
}

async function replyInDashboard(page: Page, conversationUrl: string, text: string) {
  await page.goto(conversationUrl);
  await page.getByLabel("Your reply").fill(text);
  const send = page.getByRole("button", { name: /^(Take over and send|Send)$/ });
  await send.first().click();
  await page
    .getByText(/Reply sent/)
    .first()
    .waitFor();
}

const agentBubble = (page: Page, text: string) =>
  chatLog(page).locator('[data-role="agent"]').filter({ hasText: text });

describe.each(STORES)("$platform storefront: a person answers", (s) => {
  it("lookup → tracking link → talk to a person → mailed → dashboard reply and e-mail reply show in the widget", async () => {
    const { page: shop, errors } = await pageWithErrors(e2e.browser);
    const tag = `[${s.platform}-live-${word()}]`;
    const done = await verifyAndHandOff(shop, s, `My parcel is late ${tag}`);
    // the verified address, masked; nothing asked again
    const [local, domain] = s.email.split("@");
    expect(done).toContain(`reply by email to ${local[0]}***${local.at(-1)}@${domain}`);

    // the merchant's notice is in the demo mailbox: the order, the message, a link to the chat
    const dash = await e2e.merchant.newPage();
    const notice = await openMail(dash, new RegExp(`order #${s.number}`), tag);
    const body = await notice.locator("pre").innerText();
    expect(body).toContain(`Order: #${s.number}`);
    expect(body).toContain(`My parcel is late ${tag}`);
    expect(body).not.toMatch(/Handoff id|quick_repl/);
    const id = body.match(/Answer in the chat: \S*\/conversations\/([A-Za-z0-9_-]+)/)![1];
    expect(await notice.innerText()).toMatch(/replies to reply\+m/);

    // the merchant answers in the standalone dashboard; the shopper's open widget shows it
    await replyInDashboard(dash, `${e2e.demo.url}/dashboard/conversations/${id}`, `Hi! Sam here ${tag}`);
    await agentBubble(shop, `Hi! Sam here ${tag}`).waitFor({ timeout: 30_000 });
    await chatLog(shop).locator('[data-role="agent-joined"]').waitFor();
    // the widget with a person in the chat has no serious or critical axe finding either
    expect(await seriousAxeFindings(shop)).toEqual([]);

    // …and answers the notice by e-mail (the mailbox's reply form): it lands in the chat as the store's
    const again = await openMail(dash, new RegExp(`order #${s.number}`), tag);
    await again.getByLabel(/^Reply as /).fill(`It ships today ${tag}`);
    await again.getByRole("button", { name: "Send reply" }).click();
    await dash.getByRole("status").filter({ hasText: "Reply sent" }).waitFor();
    await agentBubble(shop, `It ships today ${tag}`).waitFor({ timeout: 30_000 });
    // the quoted notice below the reply stayed out of the chat
    expect(await agentBubble(shop, `It ships today ${tag}`).innerText()).not.toMatch(/wrote:|Their message/);
    await dash.goto(`${e2e.demo.url}/dashboard/conversations/${id}`);
    await dash.getByText(`It ships today ${tag}`).first().waitFor();
    expect(errors.filter((e) => !/favicon/i.test(e))).toEqual([]);
    await dash.close();
    await shop.context().close();
  }, 180_000);

  it("a shopper who left gets the reply by e-mail, answers it, and its link opens both on another device, once", async () => {
    const { page: shop } = await pageWithErrors(e2e.browser);
    // the tab stays but no poll reaches the server: to the app, this shopper has left
    await shop.route("**/messages?*", (route) =>
      route.request().method() === "GET" ? route.abort() : route.fallback(),
    );
    const tag = `[${s.platform}-away-${word()}]`;
    await verifyAndHandOff(shop, s, `Please call me back ${tag}`);
    await shop.goto("about:blank");

    const dash = await e2e.merchant.newPage();
    const notice = await openMail(dash, new RegExp(`order #${s.number}`), tag);
    const id = (await notice.locator("pre").innerText()).match(/\/conversations\/([A-Za-z0-9_-]+)/)![1];
    await replyInDashboard(dash, `${e2e.demo.url}/dashboard/conversations/${id}`, `We tried to call ${tag}`);
    await dash
      .getByText(/e-mailed it to them too/)
      .first()
      .waitFor();

    // the shopper's mail: the reply, a link back to the chat, a reply address; they answer it
    const mail = await openMail(dash, /replied to your chat/, `We tried to call ${tag}`);
    // the link resumes this conversation on any device, once (ADR 0033)
    const link = (await mail.locator("pre").innerText()).match(/\?trulybot=(resume\.[A-Za-z0-9._-]+)/)![1];
    expect(await mail.innerText()).toContain(`to ${s.email}`);
    await mail.getByLabel(`Reply as ${s.email}`).fill(`Try again after 5pm ${tag}`);
    await mail.getByRole("button", { name: "Send reply" }).click();
    await dash.getByRole("status").filter({ hasText: "Reply sent" }).waitFor();

    // the merchant is told the shopper answered; the dashboard shows it
    await openMail(dash, /The shopper answered by e-mail/, `Try again after 5pm ${tag}`);
    await dash.goto(`${e2e.demo.url}/dashboard/conversations/${id}`);
    await dash.getByText(`Try again after 5pm ${tag}`).first().waitFor();

    // on ANOTHER device (a new browser, a phone): the e-mail's link opens the same conversation —
    // the person's reply, their own e-mail, and what came before (the order card, their first question)
    const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const back = await phone.newPage();
    const errors: string[] = [];
    back.on("pageerror", (e) => errors.push(e.message));
    await back.goto(`${e2e.demo.url}/demo/storefront/${s.platform}?utm_source=mail&trulybot=${link}`);
    await chatDialog(back).waitFor({ state: "visible" });
    await agentBubble(back, `We tried to call ${tag}`).waitFor({ timeout: 30_000 });
    const mine = chatLog(back)
      .locator('[data-role="shopper"]')
      .filter({ hasText: `Try again after 5pm ${tag}` });
    await mine.waitFor({ timeout: 30_000 });
    expect(await mine.innerText()).not.toMatch(/wrote:|replied to your chat/);
    expect((await getOrderCard(back)).trackingNumber).toContain(s.tracking);
    await chatLog(back)
      .locator('[data-role="shopper"]')
      .filter({ hasText: `my order ${s.order}` })
      .waitFor();
    // the token left the address bar (not bookmarked, shared or sent on); the rest of the query stayed
    expect(new URL(back.url()).searchParams.get("trulybot")).toBeNull();
    expect(new URL(back.url()).searchParams.get("utm_source")).toBe("mail");
    // the conversation is this browser's now: a message goes into it and the bot answers there
    await sendMessage(back, `thanks, talk later ${tag}`);
    await dash.goto(`${e2e.demo.url}/dashboard/conversations/${id}`);
    await dash.getByText(`thanks, talk later ${tag}`).first().waitFor();
    await dash.close();
    expect(errors).toEqual([]);

    // the same link in a third browser (a forwarded e-mail): refused, nothing of the conversation shown
    const other = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const stranger = await other.newPage();
    await stranger.goto(`${e2e.demo.url}/demo/storefront/${s.platform}?trulybot=${link}`);
    await chatDialog(stranger).waitFor({ state: "visible" });
    await chatLog(stranger)
      .getByText(/That link has expired or was already used/)
      .waitFor({ timeout: 30_000 });
    expect(await chatLog(stranger).innerText()).not.toContain(tag);
    expect(await chatLog(stranger).locator('[data-role="agent"]').count()).toBe(0);
    await other.close();
    await phone.close();
    await shop.context().close();
  }, 240_000);
});

describe("the inbound route over HTTP (the real server)", () => {
  it("refuses unsigned and oversized deliveries and anything but POST, in the protocol's error shape", async () => {
    const url = `${e2e.demo.url}/api/v1/inbound/email`;
    const form = new FormData();
    form.append("recipient", "reply+sabc.00000000000000000000@inbound.trulybot.local");
    form.append("sender", "someone@example.com");
    form.append("body-plain", "let me in");
    const unsigned = await fetch(url, { method: "POST", body: form });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({ error: { code: "unsigned", message: expect.any(String) } });
    const big = new URLSearchParams({ "body-plain": "x".repeat(70 * 1024) });
    expect((await fetch(url, { method: "POST", body: big })).status).toBe(413);
    expect((await fetch(url)).status).toBe(405);
  });
});
