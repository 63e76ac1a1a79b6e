/**
 * The dashboard pages Home and Stores render (server-side, as on first load) inside both shells
 * without React or Polaris warnings, and show the data a merchant needs.
 * Fixtures in test/support/dashboard-pages.ts.
 */
import { describe, expect, it } from "vitest";
import { collectConsoleProblems } from "../../../test/support/render-page";
import { render, store, text } from "../../../test/support/dashboard-pages";
import type { HomeData, StoresData } from "../../dashboard/types";
import { HomePage, StoresPage } from "./index";

collectConsoleProblems();

describe("dashboard pages", () => {
  it("Home: checklist, key numbers and an accessible chart", async () => {
    const data: HomeData = {
      store,
      range: 7,
      checklist: [
        {
          id: "connected",
          label: "Connect your WooCommerce store",
          done: true,
          help: "The WordPress plugin is connected.",
        },
        {
          id: "faq",
          label: "Add your first FAQ",
          done: false,
          help: "Answers",
          action: { label: "FAQ", url: "faq", external: false },
        },
      ],
      mailConfigured: false,
      timeZone: "Europe/Berlin",
      window: { from: "2026-11-17", to: "2026-11-23" },
      numbers: {
        conversations: 12,
        shoppersHelped: 6,
        resolutionRate: 0.75,
        handoffs: 1,
        unanswered: 1,
        inProgress: 4,
        orderQuestions: 9,
      },
      daily: Array.from({ length: 7 }, (_, i) => ({
        date: `2026-11-${String(17 + i).padStart(2, "0")}`,
        count: i,
      })),
    };
    const html = await render(<HomePage data={data} />);
    const t = text(html);
    expect(t).toContain("1 of 2 done");
    expect(t).toContain("Shoppers helped 6");
    expect(t).toContain("Resolution rate 75%");
    expect(t).toContain("Unanswered questions 1");
    expect(t).not.toMatch(/reply time| ms\b/);
    expect(t).toMatch(/Nov 17 ?– ?Nov 23 ?\(days in Europe\/Berlin ?\)/);
    // every number opens the list it counts
    expect(html).toContain(
      'href="/dashboard/conversations?from=2026-11-17&amp;to=2026-11-23&amp;outcome=resolved"',
    );
    // e-mail is not configured: checklist-independent warning
    expect(t).toContain("Handoff e-mails are off");
    expect(html).toContain('href="/dashboard/faq"');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(t).toContain("Conversations per day, last 7 days");
  });

  it("Stores: both platforms with status, link and disconnect controls", async () => {
    const data: StoresData = {
      currentStoreId: "s1",
      stores: [
        {
          ...store,
          current: true,
          widgetEnabled: true,
          embedEnabled: null,
          connectedAt: "2026-11-01T00:00:00Z",
          installedAt: "2026-11-01T00:00:00Z",
        },
        {
          id: "s2",
          name: "Demo Outfitters",
          platform: "shopify",
          domain: "demo.myshopify.com",
          status: "active",
          current: false,
          widgetEnabled: true,
          embedEnabled: true,
          connectedAt: null,
          installedAt: "2026-10-01T00:00:00Z",
        },
      ],
    };
    const t = text(await render(<StoresPage data={data} />));
    expect(t).toContain("Woo Outfitters");
    expect(t).toContain("Chat in live theme: on");
    expect(t).toContain("Disconnect");
    expect(t).toContain("uninstall TrulyBot in its Shopify admin");
    expect(t).toContain("Create link code");
  });
});
