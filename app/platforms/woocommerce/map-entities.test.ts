/**
 * mapWooOrder: HTML entities in item names and notes.
 * Fixtures in test/support/woo-map.ts.
 */
import { describe, expect, it } from "vitest";
import { mapWooOrder, noteText } from "./map";
import type { WooOrder } from "./types";
import { store, byId } from "../../../test/support/woo-map";

describe("mapWooOrder — HTML entities through one decoder", () => {
  const named = (name: string, extra: Partial<WooOrder> = {}) =>
    mapWooOrder({ ...byId(2001), line_items: [{ ...byId(2001).line_items![0], name }], ...extra }, { store });

  it("named, decimal and hex references in item names become the characters the shopper expects", () => {
    expect(named("Tulips &amp; Daffodils &ndash; &#8222;Mix&#8220; &#x2192; 3&times;").items[0].title).toBe(
      "Tulips & Daffodils – „Mix“ → 3×",
    );
    expect(named("Gr&ouml;&szlig;e&nbsp;L &hearts;").items[0].title).toBe("Größe L ♥");
  });

  it("is strict: text that only looks like a reference stays as written, and nothing is decoded twice", () => {
    expect(named("AT&T &notice R&D").items[0].title).toBe("AT&T &notice R&D");
    expect(named("&amp;lt;b&amp;gt;").items[0].title).toBe("&lt;b&gt;");
    expect(named("&#0; &#xFFFFFFFF; &bogus;").items[0].title).toBe("\uFFFD \uFFFD &bogus;");
  });

  it("customer notes: tags dropped, entities decoded", () => {
    expect(noteText("<p>Your parcel &#8211; DHL &rarr; Berlin</p><p>Thanks &amp; bye</p>")).toBe(
      "Your parcel – DHL → Berlin\nThanks & bye",
    );
  });
});
