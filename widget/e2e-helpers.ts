/**
 * Reusable Playwright steps for the storefront widget (e2e tests against the demo or the test page).
 * Everything lives in an open shadow root under #trulybot-root; Playwright's CSS and role
 * selectors pierce it. Labels are matched in all seven UI languages.
 */
import type { Locator, Page } from "playwright-core";
import { LAUNCHER_LABEL, STRINGS } from "./src/i18n";
import { LANGUAGES as SUPPORTED } from "../app/protocol";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (vals: string[]) => new RegExp("^(" + [...new Set(vals)].map(esc).join("|") + ")$");
const all = <K extends keyof (typeof STRINGS)["en"]>(k: K) =>
  SUPPORTED.map((l) => STRINGS[l][k] as unknown as string);

export const LABELS = {
  input: anyOf(all("inputLabel")),
  send: anyOf(all("send")),
  close: anyOf(all("close")),
  launcher: anyOf(SUPPORTED.map((l) => LAUNCHER_LABEL[l])),
};

/** The widget's host element (its shadow root holds launcher and panel). */
export function widget(page: Page): Locator {
  return page.locator("#trulybot-root");
}

/** The launcher button (matched by aria-haspopup so a merchant's custom label doesn't matter). */
export function launcher(page: Page): Locator {
  return widget(page).locator('button[aria-haspopup="dialog"]');
}

/** The chat panel (role=dialog). */
export function chatDialog(page: Page): Locator {
  return widget(page).getByRole("dialog");
}

/** The message log (role=log). */
export function chatLog(page: Page): Locator {
  return chatDialog(page).getByRole("log");
}

/** Click the launcher, wait for the dialog and for focus in the message field. */
export async function openChat(page: Page, opts: { timeout?: number } = {}): Promise<void> {
  const timeout = opts.timeout ?? 15_000;
  await launcher(page).waitFor({ state: "visible", timeout });
  if ((await launcher(page).getAttribute("aria-expanded")) !== "true") await launcher(page).click();
  await chatDialog(page).waitFor({ state: "visible", timeout });
  await chatDialog(page).getByRole("textbox", { name: LABELS.input }).waitFor({ state: "visible", timeout });
}

/** Close with the "Close chat" button. */
export async function closeChat(page: Page): Promise<void> {
  await chatDialog(page).getByRole("button", { name: LABELS.close }).click();
  await chatDialog(page).waitFor({ state: "hidden" });
}

/** Type into the message field and press Send. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = chatDialog(page).getByRole("textbox", { name: LABELS.input });
  await box.fill(text);
  await chatDialog(page).getByRole("button", { name: LABELS.send }).click();
}

/** Click a quick reply (or starter / order-list) button by its visible label. */
export async function clickQuickReply(page: Page, label: string | RegExp): Promise<void> {
  await chatLog(page).getByRole("button", { name: label }).last().click();
}

/** Bot messages (bubbles, cards, lists) in the log. */
export function botMessages(page: Page): Locator {
  return chatLog(page).locator('[data-role="bot"]');
}

/** Wait until a bot message matching `re` appears; returns its text. */
export async function waitForBotText(
  page: Page,
  re: RegExp,
  opts: { timeout?: number } = {},
): Promise<string> {
  const m = botMessages(page).filter({ hasText: re }).last();
  await m.waitFor({ state: "visible", timeout: opts.timeout ?? 15_000 });
  return (await m.innerText()).trim();
}

/** The visible error row ("Couldn't reach us. Retry", 429 notice), or null. */
export async function getErrorText(page: Page): Promise<string | null> {
  const e = chatLog(page).getByRole("alert");
  return (await e.count()) ? (await e.last().innerText()).trim() : null;
}

export interface ShipmentInfo {
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  trackingLinkText: string | null;
  when: string | null;
}

export interface OrderCardInfo extends ShipmentInfo {
  number: string;
  status: string;
  statusPageUrl: string | null;
  shipments: ShipmentInfo[];
  text: string;
}

/**
 * The latest order card (an <article> named "Order #N"). Top-level carrier/tracking fields are the
 * first shipment's; `shipments` lists them all.
 */
export async function getOrderCard(page: Page, opts: { timeout?: number } = {}): Promise<OrderCardInfo> {
  const card = chatLog(page).getByRole("article").last();
  await card.waitFor({ state: "visible", timeout: opts.timeout ?? 15_000 });
  const opt = async (l: Locator, fn: (x: Locator) => Promise<string | null>) =>
    (await l.count()) ? fn(l.first()) : null;
  const shipments: ShipmentInfo[] = [];
  const rows = card.locator("[data-shipment]");
  for (let i = 0; i < (await rows.count()); i++) {
    const r = rows.nth(i);
    const link = r.locator('[data-field="tracking-link"]');
    shipments.push({
      carrier: (await r.locator('[data-field="carrier"]').innerText()).trim(),
      trackingNumber: await opt(r.locator('[data-field="tracking-number"]'), async (x) =>
        (await x.innerText()).trim(),
      ),
      trackingUrl: await opt(link, (x) => x.getAttribute("href")),
      trackingLinkText: await opt(link, (x) =>
        x.evaluate((el) =>
          Array.from(el.childNodes)
            .filter((n) => !(n.nodeType === 1 && (n as Element).classList.contains("sr")))
            .map((n) => n.textContent)
            .join("")
            .trim(),
        ),
      ),
      when: await opt(r.locator('[data-field="when"]'), async (x) => (await x.innerText()).trim()),
    });
  }
  const first = shipments[0] ?? {
    carrier: "",
    trackingNumber: null,
    trackingUrl: null,
    trackingLinkText: null,
    when: null,
  };
  return {
    number: (await card.getAttribute("data-order")) ?? "",
    status: (await card.locator('[data-field="status"]').innerText()).trim(),
    statusPageUrl: await opt(card.locator('[data-field="status-page"]'), (x) => x.getAttribute("href")),
    text: (await card.innerText()).trim(),
    ...first,
    shipments,
  };
}
