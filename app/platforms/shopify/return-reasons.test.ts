/**
 * Return reasons on Shopify 2026-01: the widget's reasons become `returnReasonDefinitionId`s of the
 * shop's own library (asked for by handle), over the real adapter and the Admin emulator that
 * validates every document against the real schema.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEMO_NOW,
  startShopifyAdminEmulator,
  type ShopifyAdminEmulator,
} from "../../../test/emulators/shopify-admin/emulator";
import { RETURN_REASON_DEFINITIONS as EMULATOR_LIBRARY } from "../../../test/emulators/shopify-admin/return-reasons";
import { shopifyAdapter } from "../../../test/support/self-service";
import { PLATFORM_REASON } from "../../chat/dialogue/actions-replies";
import { RETURN_REASON_HANDLES } from "./actions.server";

type Obj = Record<string, unknown>;
let e: ShopifyAdminEmulator;
beforeEach(async () => {
  e = await startShopifyAdminEmulator({ now: DEMO_NOW, bucket: { restoreRate: 5000 } });
});
afterEach(async () => e.close());

const order = (name: string) => e.store.orders.find((o) => o.name === name)! as Obj;
type SentLine = {
  fulfillmentLineItemId: string;
  returnReasonDefinitionId?: string;
  customerNote?: string;
  returnReasonDefinition: { handle: string } | null;
};
const returnsOf = (name: string) => (order(name).returns ?? []) as { lines: SentLine[] }[];

async function requestReturn(reason: string) {
  const actions = shopifyAdapter(e).actions!;
  return actions.requestReturn({
    orderId: String(order("#1003").id),
    reason,
    note: "asked in the chat",
    items: [{ title: "Trailhead Beanie", variantTitle: "One Size / Rust", quantity: 1 }],
  });
}

describe("Shopify return reasons (2026-01 returnReasonDefinitionId)", () => {
  it("every reason the widget offers maps to a handle of the library", () => {
    for (const word of Object.values(PLATFORM_REASON)) {
      expect(RETURN_REASON_HANDLES[word]?.length, word).toBeGreaterThan(0);
      const live = EMULATOR_LIBRARY.filter(
        (d) => RETURN_REASON_HANDLES[word].includes(String(d.handle)) && !d.deleted,
      );
      expect(live.length, word).toBeGreaterThan(0);
    }
  });

  it("'Damaged or faulty' is sent as the shop's live 'damaged-or-defective' definition, not the deleted one", async () => {
    expect(await requestReturn(PLATFORM_REASON.defective)).toEqual({ ok: true });
    const [line] = returnsOf("#1003")[0].lines;
    expect(line.returnReasonDefinition?.handle).toBe("damaged-or-defective");
    expect(line.customerNote).toBe("DEFECTIVE: asked in the chat");
    // the lookup is its own validated query, then the mutation
    const ops = e.requests.map((r) => r.operationName);
    expect(ops.indexOf("TrulyBotReturnReasons")).toBeLessThan(ops.indexOf("TrulyBotReturnRequest"));
  });

  it("each widget reason lands on its definition", async () => {
    const want: Record<string, string> = {
      size: "wrong-size",
      defective: "damaged-or-defective",
      not_as_described: "not-as-described",
      unwanted: "changed-my-mind",
      other: "other",
    };
    for (const [key, handle] of Object.entries(want)) {
      delete order("#1003").returns;
      await requestReturn(PLATFORM_REASON[key as keyof typeof PLATFORM_REASON]);
      expect(returnsOf("#1003")[0].lines[0].returnReasonDefinition?.handle, key).toBe(handle);
    }
  });

  it("a shop with only a deleted matching reason still gets it (deleted reasons stay valid)", async () => {
    e.store.returnReasonDefinitions = [
      {
        id: "gid://shopify/ReturnReasonDefinition/77",
        handle: "defective",
        name: "Defective",
        deleted: true,
      },
    ];
    expect(await requestReturn("DEFECTIVE")).toEqual({ ok: true });
    expect(returnsOf("#1003")[0].lines[0].returnReasonDefinitionId).toBe(
      "gid://shopify/ReturnReasonDefinition/77",
    );
  });

  it("a shop whose library has none of the handles: no definition id, the reason stays in the note", async () => {
    e.store.returnReasonDefinitions = [
      {
        id: "gid://shopify/ReturnReasonDefinition/5",
        handle: "arrived-late",
        name: "Arrived late",
        deleted: false,
      },
    ];
    expect(await requestReturn("UNWANTED")).toEqual({ ok: true });
    const [line] = returnsOf("#1003")[0].lines;
    expect(line.returnReasonDefinitionId).toBeUndefined();
    expect(line.returnReasonDefinition).toBeNull();
    expect(line.customerNote).toBe("UNWANTED: asked in the chat");
  });

  it("an unknown reason word falls back to the 'other' definition", async () => {
    expect(await requestReturn("BORED")).toEqual({ ok: true });
    expect(returnsOf("#1003")[0].lines[0].returnReasonDefinition?.handle).toBe("other");
  });
});
