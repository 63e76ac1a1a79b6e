/**
 * Self-service on Shopify, end to end over real parts: the Admin emulator (documents validated against
 * the 2026-01 schema), the real adapter, a real SMTP server the code is read from, the Prisma repository.
 * Address changes and return requests on Shopify; the set-up is test/support/shopify-actions.ts.
 */
import { describe, expect, it } from "vitest";
import { chip, YES, setRule, shopifyAdapter, texts } from "../../test/support/self-service";
import { useShopifyActionsHarness, STORE } from "../../test/support/shopify-actions";

const h = useShopifyActionsHarness();
const { chat, order, mutations, guest, verifiedWithCode } = h;

describe("address and returns on Shopify", () => {
  it("changes the shipping address (US: city, state, ZIP) through orderUpdate", async () => {
    await setRule(chat.db, STORE, "address");
    const s = guest();
    const ask = await verifiedWithCode(s, "I need to change the shipping address on order 1001");
    expect(ask).toContain("street and number, city, state or province code, postal code.");
    expect(texts(await s.send("500 Howard St, San Francisco, CA, 9410"))).toContain(
      "the postal code doesn't look right for US.",
    );
    expect(texts(await s.send("500 Howard St, San Francisco, 94105"))).toContain(
      "the state or province code is missing.",
    );
    const summary = texts(await s.send("500 Howard St, San Francisco, CA, 94105"));
    expect(summary).toContain("Alice Johnson\n500 Howard St\nSan Francisco, CA 94105\nUS");
    expect(texts(await s.send(YES))).toContain("Done - #1001 will ship to:");
    expect(order("#1001").shippingAddress).toMatchObject({
      address1: "500 Howard St",
      city: "San Francisco",
      provinceCode: "CA",
      zip: "94105",
      countryCodeV2: "US",
      firstName: "Alice",
    });
    expect(String(order("#1001").note)).toContain("Before: Alice Johnson, 1234 Market St, Apt 5B");
  });

  it("requests a return of a delivered order inside the window, with the reason chosen in the chat", async () => {
    await setRule(chat.db, STORE, "return");
    const s = guest();
    const pick = await verifiedWithCode(s, "I want to return order 1003");
    // two lines: the shopper chooses which to send back
    expect(pick).toContain("Which items of #1003 are you sending back?");
    expect(pick).toContain(
      "[1 × Summit Fleece Pullover (Women's S / Oatmeal) | 1 × Trailhead Beanie (One Size / Rust)]",
    );
    // forged picks (unknown line, twice the same, not indices, empty) are not a choice
    for (const v of ["2", "1,1", "0;1", "", "-1", "0,1,2"]) {
      expect(texts(await s.send(chip(`tb:act_items:${v}`)))).not.toContain("Why are you sending");
    }
    const ask = texts(await s.send(chip("tb:act_items:1")));
    expect(ask).toContain("Why are you sending #1003 back?");
    expect(ask).toContain("Wrong size | Damaged or faulty");
    const summary = texts(await s.send(chip("tb:act_reason:defective")));
    expect(summary).toContain(
      "Request a return of 1 × Trailhead Beanie (One Size / Rust) from #1003 (Damaged or faulty)?",
    );
    expect(texts(await s.send(YES))).toContain("Your return request for #1003 is in.");
    const returns = order("#1003").returns as {
      status: string;
      lines: { fulfillmentLineItemId: string }[];
    }[];
    expect(returns.map((r) => r.status)).toEqual(["REQUESTED"]);
    // only the beanie's fulfillment line goes back
    const fulfilled = (
      order("#1003").fulfillments as {
        fulfillmentLineItems: { nodes: { id: string; lineItem: { title: string } }[] };
      }[]
    ).flatMap((f) => f.fulfillmentLineItems.nodes);
    const beanie = fulfilled.find((l) => l.lineItem.title === "Trailhead Beanie")!;
    expect(returns[0].lines.map((l) => l.fulfillmentLineItemId)).toEqual([beanie.id]);
  });

  it("refuses a return outside the return window and one of an order not delivered yet", async () => {
    await setRule(chat.db, STORE, "return", { windowHours: 10 * 24 });
    let s = guest();
    await s.send("I want to return order 1006");
    expect(texts(await s.send("daniel.kim@example.net"))).toContain(
      "The return window for #1006 has passed.",
    );
    s = guest(shopifyAdapter(h.e), { shopperKey: "s9" });
    await s.send("I want to return order 1002");
    expect(texts(await s.send("marcus.reed@example.net"))).toContain("#1002 hasn't been delivered yet");
    expect(mutations("TrulyBotReturnRequest")).toBe(0);
  });
});
