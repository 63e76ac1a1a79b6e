import { describe, it, expect } from "vitest";
import { describeOrderList } from "../describe";
import { shopifyOrders, wooOrders } from "../../../test/support/orders";
import { shopCtx, wooCtx } from "../../../test/support/describe";

describe("describeOrderList", () => {
  it("Alice's orders: newest first, one line each (#number · date · status)", () => {
    const alice = [shopifyOrders["1003"]!, shopifyOrders["1001"]!, shopifyOrders["1004"]!];
    const r = describeOrderList(alice, shopCtx());
    expect(r.lines).toEqual([
      "#1001 · Nov 22 · Processing",
      "#1004 · Nov 14 · Partially shipped",
      "#1003 · Nov 9 · Delivered",
    ]);
    expect(r.text.split("\n")).toHaveLength(3);
  });
  it("Lena's Woo orders, never 'Delivered'; test orders left out", () => {
    const r = describeOrderList([wooOrders["2013"]!, wooOrders["2006"]!, wooOrders["2001"]!], wooCtx());
    expect(r.lines).toEqual([
      "#2001 · Nov 22 · Processing",
      "#2006 · Nov 2 · Shipped",
      "#2013 · Jul 26 · Shipped",
    ]);
    expect(describeOrderList([shopifyOrders["1015"]!], shopCtx()).lines).toEqual([]);
  });
  it("German list", () => {
    const r = describeOrderList([shopifyOrders["1003"]!], shopCtx("de"));
    expect(r.lines).toEqual(["#1003 · 9. Nov. · Zugestellt"]);
  });
});
