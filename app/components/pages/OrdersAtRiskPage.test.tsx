/** "Orders at risk" renders in both shells without React/Polaris warnings and shows reason and age. */
import { describe, expect, it } from "vitest";
import type { ReactElement } from "react";
import { collectConsoleProblems, renderPage, type Shell } from "../../../test/support/render-page";
import type { AtRiskData } from "../../orders/health/at-risk";
import { OrdersAtRiskPage, ageLabel } from "./OrdersAtRiskPage";

collectConsoleProblems();

async function render(element: ReactElement, shell: Shell): Promise<string> {
  const html = await renderPage(element, shell, "/dashboard/at-risk");
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

const store = {
  id: "s1",
  name: "Demo Outfitters",
  platform: "shopify" as const,
  domain: "d.test",
  status: "active",
};
const scope = {
  store: "s1",
  label: "Demo Outfitters (Shopify)",
  stores: [store],
  timeZone: "America/New_York",
};

describe("Orders at risk page", () => {
  it.each(["standalone", "embedded"] as const)(
    "lists each order with its reason, next step and age (%s)",
    async (shell) => {
      const data: AtRiskData = {
        scope,
        mirrored: true,
        sync: { status: "done", synced: 14, finishedAt: "2026-11-30T08:00:00.000Z" },
        rows: [
          {
            storeName: "Demo Outfitters",
            platform: "shopify",
            orderNumber: "1009",
            reason: "past_eta",
            next: "wait",
            carrier: "DHL Express",
            since: "2026-11-24T17:00:00.000Z",
            ageHours: 90,
          },
          {
            storeName: "Demo Outfitters",
            platform: "shopify",
            orderNumber: "<b>1013</b>",
            reason: "carrier_exception",
            next: "contact_carrier",
            carrier: null,
            since: "2026-11-29T10:00:00.000Z",
            ageHours: 5,
          },
        ],
      };
      const text = await render(<OrdersAtRiskPage data={data} />, shell);
      expect(text).toContain("Orders at risk");
      expect(text).toContain("2 at risk");
      expect(text).toContain("14 recent orders mirrored");
      expect(text).toContain("Sync orders again");
      expect(text).toMatch(
        /#1009 (Warning )?Past the estimated delivery DHL Express Shopper told to wait 3 days \(since Nov 24/,
      );
      expect(text).toContain("Carrier exception");
      expect(text).toContain("5 h");
      expect(text).toContain("#&lt;b&gt;1013&lt;/b&gt;"); // escaped: shown as text, never as markup
    },
  );

  it("says why the list is empty, and how far the order sync is", async () => {
    const never = await render(
      <OrdersAtRiskPage data={{ scope, mirrored: false, sync: null, rows: [] }} />,
      "standalone",
    );
    expect(never).toContain("Order mirror not synced yet");
    expect(never).toContain("Mirror recent orders");
    const running = { status: "running", synced: 3, finishedAt: null };
    const busy = await render(
      <OrdersAtRiskPage data={{ scope, mirrored: true, sync: running, rows: [] }} />,
      "embedded",
    );
    expect(busy).toContain("No order at risk");
    expect(busy).toContain("Mirroring recent orders: 3 so far.");
  });

  it("ages read as hours, then days", () => {
    expect([ageLabel(0), ageLabel(5), ageLabel(47), ageLabel(49)]).toEqual([
      "just now",
      "5 h",
      "47 h",
      "2 days",
    ]);
  });
});
