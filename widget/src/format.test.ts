import { describe, it, expect } from "vitest";
import {
  formatDay,
  linkify,
  orderSteps,
  shipmentDateLine,
  formatMoney,
  inputModeFor,
  statusTone,
} from "./format";
import { strings } from "./i18n";
import { safeLinkUrl as safeUrl } from "../../app/protocol/url";
import type { WidgetOrder } from "../../app/protocol";

const t = strings("en");
const order = (over: Partial<WidgetOrder> = {}): WidgetOrder => ({
  number: "1002",
  status: "shipped",
  placedAt: "2026-11-18T15:00:00Z",
  total: { amount: "49.00", currency: "USD" },
  items: [{ title: "Tee", quantity: 1 }],
  shipments: [
    {
      carrier: "UPS",
      trackingNumber: "1Z",
      trackingUrl: "https://ups.example/1Z",
      status: "in_transit",
      estimatedDeliveryAt: "2026-11-24T12:00:00Z",
      deliveredAt: null,
    },
  ],
  statusPageUrl: null,
  ...over,
});

describe("safeLinkUrl (the one sanitiser the widget uses)", () => {
  it("allows only http and https", () => {
    expect(safeUrl("https://www.ups.com/track?tracknum=1Z")).toBe("https://www.ups.com/track?tracknum=1Z");
    expect(safeUrl("http://x.test/a")).toBe("http://x.test/a");
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl(" JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeUrl("data:text/html,<b>")).toBeNull();
    expect(safeUrl("/orders/1")).toBeNull();
    expect(safeUrl("/orders/1", "https://shop.test/x")).toBe("https://shop.test/orders/1");
    expect(safeUrl(null)).toBeNull();
  });
});

describe("linkify", () => {
  it("splits links out of text and leaves trailing punctuation as text", () => {
    expect(linkify("Track: https://t.test/a?b=1. Thanks")).toEqual([
      { kind: "text", text: "Track: " },
      { kind: "link", text: "https://t.test/a?b=1", href: "https://t.test/a?b=1" },
      { kind: "text", text: ". Thanks" },
    ]);
  });
  it("never turns markup into anything but text", () => {
    const toks = linkify('<img src=x onerror="alert(1)"> javascript:alert(1)');
    expect(toks.every((x) => x.kind === "text")).toBe(true);
    expect(toks.map((x) => x.text).join("")).toBe('<img src=x onerror="alert(1)"> javascript:alert(1)');
  });
});

describe("orderSteps", () => {
  it("uses the server's steps when present", () => {
    const steps = [{ key: "a", label: "Bestellt", done: true, current: true }];
    expect(orderSteps(order({ steps }), t)).toEqual(steps);
  });
  it("derives ordered → shipped → delivered for a shipped order", () => {
    const s = orderSteps(order(), t);
    expect(s.map((x) => x.label)).toEqual(["Ordered", "Shipped", "Delivered"]);
    expect(s.map((x) => x.done)).toEqual([true, true, false]);
    expect(s.find((x) => x.current)?.key).toBe("shipped");
  });
  it("marks delivered only when every shipment is delivered", () => {
    const two = order({
      status: "partially_shipped",
      shipments: [
        order().shipments[0],
        { ...order().shipments[0], status: "delivered", deliveredAt: "2026-11-19T00:00:00Z" },
      ],
    });
    expect(orderSteps(two, t).find((x) => x.current)?.key).toBe("shipped");
    expect(orderSteps(order({ status: "delivered" }), t).find((x) => x.current)?.key).toBe("delivered");
  });
  it("uses pickup steps and none for cancelled orders", () => {
    expect(orderSteps(order({ status: "ready_for_pickup", shipments: [] }), t).map((x) => x.label)).toEqual([
      "Ordered",
      "Ready for pickup",
      "Picked up",
    ]);
    expect(orderSteps(order({ status: "cancelled" }), t)).toEqual([]);
  });
});

describe("shipmentDateLine / money / tone / input", () => {
  it("prefers the delivered date over the estimate", () => {
    const s = order().shipments[0];
    expect(shipmentDateLine(s, t, "en-US")).toMatch(/^Expected Tue, Nov 24$/);
    expect(shipmentDateLine({ ...s, deliveredAt: "2026-11-13T18:00:00Z" }, t, "en-US")).toMatch(
      /^Delivered Fri, Nov 13$/,
    );
    expect(shipmentDateLine({ ...s, estimatedDeliveryAt: null }, t, "en-US")).toBe("");
  });
  it("formats money in the order currency", () => {
    expect(formatMoney("300.89", "USD", "en-US")).toBe("$300.89");
    expect(formatMoney("347", "EUR", "de-DE")).toMatch(/347,00\s€/);
  });
  it("chooses badge tones", () => {
    expect(statusTone("delivered")).toBe("good");
    expect(statusTone("cancelled")).toBe("bad");
  });
  it("offers an email keyboard when the bot asks for email or phone", () => {
    expect(inputModeFor("email_or_phone")).toMatchObject({ type: "email", inputMode: "email" });
    expect(inputModeFor("order_number").hint).toBe("order");
    expect(inputModeFor(null).type).toBe("text");
  });
});

describe("dates in the store's time zone", () => {
  // 23:30 UTC on Nov 23 is already Nov 24 in Berlin and still Nov 23 in New York
  const late = "2026-11-23T23:30:00Z";
  it("formats a card date in the given zone, not the browser's", () => {
    expect(formatDay(late, "en-US", "Europe/Berlin")).toBe("Tue, Nov 24");
    expect(formatDay(late, "en-US", "America/New_York")).toBe("Mon, Nov 23");
    expect(formatDay(late, "de", "Europe/Berlin")).toBe("Di., 24. Nov.");
  });
  it("falls back to the browser's zone for an unknown zone instead of throwing", () => {
    expect(formatDay(late, "en-US", "Mars/Olympus")).toBe(formatDay(late, "en-US"));
  });
  it("uses the zone for a shipment's delivered and expected dates", () => {
    const s = { ...order().shipments[0], estimatedDeliveryAt: late };
    expect(shipmentDateLine(s, t, "en-US", "Europe/Berlin")).toBe("Expected Tue, Nov 24");
    expect(shipmentDateLine({ ...s, deliveredAt: late }, t, "en-US", "America/New_York")).toBe(
      "Delivered Mon, Nov 23",
    );
  });
});
