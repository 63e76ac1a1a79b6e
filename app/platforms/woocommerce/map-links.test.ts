/**
 * mapWooOrder: hostile URLs in the store data never become links.
 * Fixtures in test/support/woo-map.ts.
 */
import { describe, expect, it } from "vitest";
import { mapWooOrder } from "./map";
import { demo, store, byId, viaEndpoint } from "../../../test/support/woo-map";

describe("mapWooOrder — hostile URLs never become links", () => {
  const HOSTILE = [
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    " JAVASCRIPT:alert(1)",
  ];

  it("Shipment Tracking endpoint links: a script link is dropped, the carrier's page is inferred instead", () => {
    for (const link of HOSTILE) {
      const trackings = demo.trackings["2002"].map((t) => ({ ...t, tracking_link: link }));
      const s = mapWooOrder(byId(2002), { trackings, store }).shipments[0];
      expect(s.trackingUrl).toMatch(/^https:\/\/www\.ups\.com\//);
      expect(s.trackingUrlInferred).toBe(true);
      const plain = mapWooOrder(byId(2002), { trackings, store, inferCarrier: null }).shipments[0];
      expect(plain.trackingUrl).toBeNull();
    }
  });

  it("tracking meta (custom_tracking_link, generic tracking_url) with script links is dropped", () => {
    for (const link of HOSTILE) {
      const metaItems = {
        ...byId(2001),
        status: "completed",
        meta_data: [
          {
            key: "_wc_shipment_tracking_items",
            value: [
              {
                tracking_provider: "",
                custom_tracking_provider: "Kurier Nord",
                tracking_number: "KN123",
                custom_tracking_link: link,
              },
            ],
          },
        ],
      };
      expect(mapWooOrder(metaItems, { store }).shipments[0].trackingUrl).toBeNull();
      const generic = {
        ...byId(2001),
        status: "completed",
        meta_data: [
          { key: "tracking_number", value: "KN123" },
          { key: "tracking_carrier", value: "Kurier Nord" },
          { key: "tracking_url", value: link },
        ],
      };
      expect(mapWooOrder(generic, { store }).shipments[0].trackingUrl).toBeNull();
    }
  });

  it("payment links and product images with script URLs are dropped; an injected inference cannot add one", () => {
    for (const link of HOSTILE) {
      const pending = byId(2007);
      const o = mapWooOrder(
        {
          ...pending,
          payment_url: link,
          line_items: pending.line_items!.map((li) => ({ ...li, image: { src: link } })),
        },
        { store },
      );
      expect(o.paymentUrl).toBeNull();
      expect(o.items[0].imageUrl).toBeNull();
      const injected = mapWooOrder(byId(2012), {
        trackings: demo.trackings["2012"],
        store,
        inferCarrier: () => ({ trackingUrl: link }),
      });
      expect(injected.shipments[0].trackingUrl).toBeNull();
    }
  });

  it("a store URL that is not http(s) gives no status page link", () => {
    const o = mapWooOrder(byId(2001), { store: { ...store, url: "javascript:alert(1)//" } });
    expect(o.statusPageUrl).toBeNull();
    expect(viaEndpoint(2001).statusPageUrl).toMatch(/^https?:\/\/.+\/my-account\/view-order\/2001\/$/);
  });
});
