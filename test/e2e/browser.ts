/**
 * Debian's Chromium for the browser tests (playwright-core drives it; CHROMIUM_PATH overrides the path),
 * headless and quiet: no sandbox, GPU, background networking, QUIC, first-run, component updates or sync.
 * useDemoBrowser() is every browser test file's set-up: the demo server and Chromium, started before the
 * file's tests and stopped after them, and on request a merchant signed in to the standalone dashboard
 * (useDemo(): the demo server alone).
 */
import { afterAll, beforeAll } from "vitest";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "playwright-core";
import { startDemo, type RunningDemo } from "./demo";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

export interface DemoBrowser {
  readonly demo: RunningDemo;
  readonly browser: Browser;
  /** the merchant's browser (1280×900), signed in through the demo's single-use dashboard link */
  readonly merchant: BrowserContext;
}

export interface DemoBrowserOptions {
  /** sign a merchant in to the standalone dashboard before the tests */
  merchant?: boolean;
  /** how the merchant's sign-in page is opened (default: a plain new page in the merchant's browser) */
  openMerchantPage?: (merchant: BrowserContext) => Promise<Page>;
}

/** Fails clearly when a file's handle is read before its beforeAll ran (or for a part not asked for). */
function started<T>(what: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`no ${what} (read before the tests, or not asked for)`);
  return value;
}

/**
 * Starts the demo server before the calling file's tests (beforeAll) and stops it after them (afterAll);
 * for the tests that need no browser. The returned handle's `demo` is there once the file's tests run.
 */
export function useDemo(): { readonly demo: RunningDemo } {
  let demo: RunningDemo | undefined;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => {
    await demo?.stop();
  });
  return {
    get demo() {
      return started("demo", demo);
    },
  };
}

/**
 * Starts the demo server and Chromium before the calling file's tests (beforeAll) and stops both after
 * them (afterAll); with `merchant`, signs a merchant in to the standalone dashboard first. The returned
 * handle's fields are there once the file's tests run.
 */
export function useDemoBrowser(options: DemoBrowserOptions = {}): DemoBrowser {
  const running = useDemo();
  let browser: Browser | undefined;
  let merchant: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    if (options.merchant) {
      merchant = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await (options.openMerchantPage ?? ((c) => c.newPage()))(merchant);
      await page.goto(await running.demo.dashboardLink());
      await page.waitForURL(/\/dashboard$/);
      await page.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get demo() {
      return running.demo;
    },
    get browser() {
      return started("browser", browser);
    },
    get merchant() {
      return started("merchant (useDemoBrowser({ merchant: true }))", merchant);
    },
  };
}

/** A page in a new browser context, with what goes wrong in it (uncaught errors, console errors) collected. */
export async function pageWithErrors(
  browser: Browser,
  context: BrowserContextOptions = { viewport: { width: 1280, height: 800 } },
): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext(context)).newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(`${m.text()} ${m.location().url}`));
  return { page, errors };
}

/**
 * Opens the demo storefront of `platform`; for another `lang`, as a shop whose theme is in that language
 * (the same page and widget tag, with data-locale and <html lang> changed on the way).
 */
export async function gotoStorefront(page: Page, demo: RunningDemo, platform: string, lang = "en") {
  const url = `${demo.url}/demo/storefront/${platform}`;
  if (lang !== "en")
    await page.route(url, async (route) => {
      const res = await route.fetch();
      const html = (await res.text())
        .replace('data-locale="en"', `data-locale="${lang}"`)
        .replace('lang="en"', `lang="${lang}"`);
      await route.fulfill({ response: res, body: html });
    });
  await page.goto(url);
}
