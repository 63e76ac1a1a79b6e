/**
 * The storefront widget in a real browser (Debian Chromium via playwright-core) against
 * `npm run demo`: open, ask for a demo order, verify, see the order card with the right carrier
 * and link — on desktop and on a phone, by mouse and keyboard only, on both demo storefronts; the
 * launcher waiting for the page's load, the focus-trapped phone panel, Spanish and German labels, typed
 * text kept through a network failure, and (against the widget's protocol mock) a person's live reply.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { gotoStorefront, pageWithErrors, useDemoBrowser } from "./browser";
import {
  chatDialog,
  chatLog,
  getErrorText,
  getOrderCard,
  launcher,
  LABELS,
  openChat,
  sendMessage,
  waitForBotText,
} from "../../widget/e2e-helpers";
import { LAUNCHER_LABEL, STRINGS } from "../../widget/src/i18n";
import type { LANGUAGES } from "../../app/protocol";
import { startServer } from "../../widget/test-page/serve.mjs";

const e2e = useDemoBrowser();

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

function newPage(vp: (typeof VIEWPORTS)[number]): Promise<{ page: Page; errors: string[] }> {
  return pageWithErrors(e2e.browser, { viewport: vp.viewport, isMobile: vp.isMobile, hasTouch: vp.isMobile });
}

describe.each(SCENARIOS)("$platform demo storefront", (s) => {
  it.each(VIEWPORTS)("tracks an order on $name", async (vp) => {
    const { page, errors } = await newPage(vp);
    await gotoStorefront(page, e2e.demo, s.platform);
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
    await gotoStorefront(page, e2e.demo, s.platform);
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
    await gotoStorefront(page, e2e.demo, "shopify");
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

/** Where the shadow root's focus is: inside the chat dialog, on the launcher, or elsewhere on the page. */
async function focusIn(page: Page): Promise<"dialog" | "launcher" | "page"> {
  return page.evaluate(() => {
    const host = document.getElementById("trulybot-root");
    const a = host && host.shadowRoot ? host.shadowRoot.activeElement : null;
    if (document.activeElement !== host || !a) return "page";
    if (a.closest('[role="dialog"]')) return "dialog";
    return a.getAttribute("aria-haspopup") === "dialog" ? "launcher" : "page";
  });
}

/** Every label the shopper can see or hear in the panel: text, aria-labels, titles, placeholders. */
async function panelLabels(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.getElementById("trulybot-root")!;
    const root = host.shadowRoot!;
    const parts: string[] = [];
    root.querySelectorAll("*").forEach((el) => {
      for (const a of ["aria-label", "title", "placeholder"]) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    });
    parts.push((root.querySelector('[role="dialog"]') as HTMLElement).textContent || "");
    return parts.join("\n");
  });
}

/** The English widget labels that differ in `lang` (a message with arguments: its text without them). */
function englishOnlyLabels(lang: (typeof LANGUAGES)[number]): string[] {
  const flat = (o: object): string[] =>
    Object.values(o).flatMap((v) =>
      typeof v === "string"
        ? [v]
        : typeof v === "function"
          ? [(v as (values: object) => string)({})]
          : v && typeof v === "object"
            ? flat(v)
            : [],
    );
  const local = new Set(flat(STRINGS[lang]));
  return [...new Set(flat(STRINGS.en))]
    .filter((s) => !local.has(s))
    .map((s) => s.split("{")[0].trim())
    .filter((s) => s.length >= 4 && !flat(STRINGS[lang]).some((l) => l.includes(s)));
}

describe("the launcher waits for the page", () => {
  it("runs nothing before the page's load event, then shows the launcher", async () => {
    const { page, errors } = await newPage(VIEWPORTS[0]);
    // a slow image keeps the page loading, so "before load" is a real window of time
    await page.route("**/slow-hero.png", async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.fulfill({ status: 200, contentType: "image/png", body: Buffer.alloc(0) });
    });
    await page.route(`${e2e.demo.url}/demo/storefront/shopify`, async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(
        "<main>",
        '<main><img src="/slow-hero.png" alt="" width="10" height="10">',
      );
      await route.fulfill({ response: res, body: html });
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __seen: Record<string, unknown> };
      w.__seen = {};
      new MutationObserver(() => {
        if (!w.__seen.rootAt && document.getElementById("trulybot-root")) w.__seen.rootAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
      addEventListener("load", () => {
        w.__seen.loadAt = performance.now();
        w.__seen.hookAtLoad = !!(window as unknown as { __trulybot?: unknown }).__trulybot;
        w.__seen.rootAtLoad = !!document.getElementById("trulybot-root");
        w.__seen.widgetRequestsAtLoad = performance
          .getEntriesByType("resource")
          .filter((e) => /trulybot-panel|\/config|\/messages/.test(e.name)).length;
      });
    });
    await page.goto(`${e2e.demo.url}/demo/storefront/shopify`);
    await launcher(page).waitFor({ state: "visible" });
    const seen = await page.evaluate(
      () => (window as unknown as { __seen: Record<string, number | boolean> }).__seen,
    );
    expect(seen.hookAtLoad).toBe(false);
    expect(seen.rootAtLoad).toBe(false);
    expect(seen.widgetRequestsAtLoad).toBe(0);
    expect(seen.rootAt as number).toBeGreaterThanOrEqual(seen.loadAt as number);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe.each(["shopify", "woocommerce"])("phone-size panel is a modal dialog (%s)", (platform) => {
  it("traps Tab and Shift+Tab inside, Esc closes and returns focus to the launcher", async () => {
    const { page } = await newPage(VIEWPORTS[1]);
    // the store's config lands while the shopper is tabbing: what it re-renders must not drop the focus
    let configArrived = false;
    await page.route("**/config", async (route) => {
      const res = await route.fetch();
      await new Promise((r) => setTimeout(r, 400));
      await route.fulfill({ response: res });
      configArrived = true;
    });
    await gotoStorefront(page, e2e.demo, platform);
    await openChat(page);
    expect(await chatDialog(page).getAttribute("aria-modal")).toBe("true");
    expect(await focusIn(page)).toBe("dialog");
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press("Tab");
      expect(await focusIn(page)).toBe("dialog");
    }
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focusIn(page)).toBe("dialog");
    }
    await expect.poll(() => configArrived).toBe(true);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      expect(await focusIn(page)).toBe("dialog");
    }
    await page.keyboard.press("Escape");
    await chatDialog(page).waitFor({ state: "hidden" });
    expect(await focusIn(page)).toBe("launcher");
    await page.context().close();
  });
  it("is not modal on a desktop, where the page stays usable beside it", async () => {
    const { page } = await newPage(VIEWPORTS[0]);
    await gotoStorefront(page, e2e.demo, platform);
    await openChat(page);
    expect(await chatDialog(page).getAttribute("aria-modal")).toBeNull();
    await page.context().close();
  });
});

const SHOPS = {
  shopify: { n: "#1002", email: "marcus.reed@example.net", tracking: "1ZA84R270384120936" },
  woocommerce: { n: "2012", email: "daan.devries@example.com", tracking: "LX304182752DE" },
} as const;

describe.each(
  (["shopify", "woocommerce"] as const).flatMap((platform) => [
    {
      platform,
      lang: "es" as const,
      ask: `¿dónde está mi pedido ${SHOPS[platform].n}?`,
      human: "quiero hablar con una persona",
    },
    {
      platform,
      lang: "de" as const,
      ask: `Wo ist meine Bestellung ${SHOPS[platform].n}?`,
      human: "Ich möchte mit einem Menschen sprechen",
    },
  ]),
)("a $lang $platform storefront", ({ platform, lang, ask, human }) => {
  it("shows no English label on launcher, panel, card or handoff form, and asks no email once verified", async () => {
    const { page } = await newPage(VIEWPORTS[0]);
    const posts: Record<string, unknown>[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/messages"))
        posts.push(JSON.parse(r.postData() || "{}"));
    });
    await gotoStorefront(page, e2e.demo, platform, lang);
    await launcher(page).waitFor();
    expect(await launcher(page).getAttribute("aria-label")).toBe(LAUNCHER_LABEL[lang]);
    await openChat(page);
    await sendMessage(page, ask);
    await waitForBotText(page, /e-?mail|correo/i);
    await sendMessage(page, SHOPS[platform].email);
    const card = await getOrderCard(page);
    expect(card.trackingNumber).toContain(SHOPS[platform].tracking);
    await sendMessage(page, human);
    const form = chatDialog(page).locator("form.hf").last();
    await form.waitFor({ state: "visible" });
    expect(await form.locator('input[type="email"]').count()).toBe(0);
    const labels = await panelLabels(page);
    expect(labels).toContain(STRINGS[lang].handoffMessage);
    expect(englishOnlyLabels(lang).length).toBeGreaterThan(40); // the check has teeth
    expect(englishOnlyLabels(lang).filter((en) => labels.includes(en))).toEqual([]);
    await form.locator("textarea").fill("Bitte ruft mich an / llamadme");
    await form.getByRole("button").click();
    await expect.poll(() => posts.length).toBe(4);
    const submit = posts[3] as { action: Record<string, unknown>; conversationId?: string };
    expect(submit.action).toEqual({ type: "handoff_submit", message: "Bitte ruft mich an / llamadme" });
    expect("email" in submit.action).toBe(false);
    expect(submit.conversationId).toBe(posts[1].conversationId);
    await page.context().close();
  });
});

describe("typed text is never lost", () => {
  it("an unsent message goes back into the field, survives more typing, and is sent once online", async () => {
    const { page } = await newPage(VIEWPORTS[0]);
    await gotoStorefront(page, e2e.demo, "shopify");
    await openChat(page);
    const box = chatDialog(page).getByRole("textbox", { name: LABELS.input });
    await page.context().setOffline(true);
    await box.fill("where is my order #1002?");
    await box.press("Enter");
    await chatLog(page).getByRole("alert").waitFor();
    expect(await getErrorText(page)).toMatch(/still in the message field/);
    await expect.poll(() => box.inputValue()).toBe("where is my order #1002?");
    await box.press("End");
    await box.pressSequentially(" thanks");
    await page.context().setOffline(false);
    await box.press("Enter");
    await waitForBotText(page, /email|phone/i);
    const mine = chatLog(page).locator('[data-role="shopper"]');
    expect(await mine.allInnerTexts()).toEqual([expect.stringContaining("where is my order #1002? thanks")]);
    expect(await box.inputValue()).toBe("");
    await page.context().close();
  });
  it("Retry sends the restored text and takes it out of the field", async () => {
    const { page } = await newPage(VIEWPORTS[0]);
    await gotoStorefront(page, e2e.demo, "shopify");
    await openChat(page);
    const box = chatDialog(page).getByRole("textbox", { name: LABELS.input });
    await page.context().setOffline(true);
    await box.fill("where is my order #1003?");
    await box.press("Enter");
    await chatLog(page).getByRole("alert").waitFor();
    await page.context().setOffline(false);
    await chatLog(page).getByRole("alert").getByRole("button").click();
    await waitForBotText(page, /email|phone/i);
    expect(await box.inputValue()).toBe("");
    expect(await chatLog(page).locator('[data-role="shopper"]').allInnerTexts()).toHaveLength(1);
    await page.context().close();
  });
});

describe("live handoff in the widget (protocol mock: widget/test-page)", () => {
  it("keeps the token, polls while open, and shows a person's reply with its label and join notice", async () => {
    const mock = await startServer(0, { delayMs: 30 });
    try {
      const { page, errors } = await newPage(VIEWPORTS[0]);
      await page.goto(`${mock.url}/?locale=es`);
      await openChat(page);
      await sendMessage(page, "talk to a person");
      await chatDialog(page).locator("form.hf").waitFor();
      // what a person writes is shown as text, never as markup; only http(s) links become links
      mock.agentReply(
        'Hola, soy Sam <img src=x onerror="window.__pwned=9"> https://shop.test/ayuda javascript:alert(1)',
      );
      const agent = chatLog(page).locator('[data-role="agent"]');
      await agent.waitFor({ timeout: 20_000 });
      expect(await agent.innerText()).toContain(STRINGS.es.agent);
      expect(await agent.innerText()).toContain('Hola, soy Sam <img src=x onerror="window.__pwned=9">');
      expect(await agent.locator("img").count()).toBe(0);
      expect(await agent.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual([
        "https://shop.test/ayuda",
      ]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await chatLog(page).locator('[data-role="agent-joined"]').innerText()).toBe(
        STRINGS.es.agentJoined,
      );
      const first = mock.requests.find((r) => r.method === "POST")!;
      expect(first.body).not.toHaveProperty("conversationToken");
      const poll = mock.requests.find((r) => r.method === "GET" && r.query?.after)!;
      expect(poll.query?.conversationToken).toMatch(/^[0-9a-f-]{36}$/);
      // later POSTs carry the same token
      await sendMessage(page, "gracias");
      await expect.poll(() => mock.requests.filter((r) => r.method === "POST").length).toBe(2);
      const second = mock.requests.filter((r) => r.method === "POST")[1];
      expect(second.body).toMatchObject({ conversationToken: poll.query?.conversationToken });
      // after a reload the conversation, the person's reply and its notice are still there, once
      await page.reload();
      await openChat(page);
      await chatLog(page).locator('[data-role="agent"]').waitFor();
      expect(await chatLog(page).locator('[data-role="agent"]').count()).toBe(1);
      expect(await chatLog(page).locator('[data-role="agent-joined"]').count()).toBe(1);
      expect(errors.filter((e) => !/favicon/i.test(e))).toEqual([]);
      await page.context().close();
    } finally {
      await mock.close();
    }
  });
});
