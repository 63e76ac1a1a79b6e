/**
 * Faults on the WooCommerce side of a storefront turn, through the real signed storefront route
 * (real Requests signed like the plugin, real adapter + REST client with OAuth 1.0a, the WooCommerce
 * emulator over HTTP with injected faults, real database): 5xx with WordPress's HTML-ish error,
 * 429 with Retry-After, malformed JSON. Honest 200 reply, message stored once, recovers after.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { signedHeaders } from "../../app/platforms/woocommerce/signature.server";
import {
  newShopperHash,
  startStorefrontWorld,
  wooStorefrontRequest,
  type StorefrontWorld,
} from "../helpers/storefront";
import type { WooEmulator, WooFault } from "../emulators/woocommerce/emulator";

const FULL_TURN = "where is my order #2002? tobias.wagner@example.net";
let world: StorefrontWorld;
let db: Db;
let emu: WooEmulator;
let storeId = "";
let secret = "";
let messagesRoute: typeof import("../../app/routes/api.v1.woo.storefront.messages");

interface Reply {
  conversationId: string;
  conversationToken?: string;
  messages: { type: string; text?: string; order?: { number: string } }[];
}

const newShopper = newShopperHash;

async function post(body: object, shopper = newShopper()): Promise<Response> {
  const request = wooStorefrontRequest(world.wooStore, "messages", { body: JSON.stringify(body), shopper });
  try {
    return (await messagesRoute.action({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    return thrown instanceof Response ? thrown : new Response("Unexpected Server Error", { status: 500 });
  }
}

const text = (r: Reply) => r.messages.map((m) => m.text ?? "").join(" ");
const order = (r: Reply) => r.messages.find((m) => m.type === "order")?.order;
const stored = (conversationId: string) => db.message.count({ where: { conversationId, role: "shopper" } });

beforeAll(async () => {
  world = await startStorefrontWorld({ woo: true });
  ({ db, woo: emu } = world);
  ({ id: storeId, secret } = world.wooStore);
  messagesRoute = await import("../../app/routes/api.v1.woo.storefront.messages");
});
afterEach(() => emu.clearFaults());
afterAll(async () => {
  await world?.close();
});

describe("WooCommerce upstream faults on a full order-status turn", () => {
  it("answers the demo order normally when nothing fails (baseline)", async () => {
    const res = await post({ text: FULL_TURN });
    expect(res.status).toBe(200);
    expect(order((await res.json()) as Reply)?.number).toBe("2002");
  });

  it.each<[string, WooFault]>([
    ["HTTP 500 with WordPress's critical-error body", { kind: "http_status", status: 500, times: 50 }],
    ["HTTP 503", { kind: "http_status", status: 503, times: 50 }],
    ["HTTP 429 with Retry-After: 120", { kind: "http_status", status: 429, retryAfter: 120, times: 50 }],
    ["malformed JSON", { kind: "malformed_json", times: 50 }],
  ])(
    "GIVEN WooCommerce answers %s WHEN the shopper asks THEN an honest outage reply, stored once, and the conversation recovers",
    async (_n, fault) => {
      emu.inject(fault);
      const shopper = newShopper();
      const res = await post({ text: FULL_TURN }, shopper);
      expect(res.status).toBe(200);
      const a = (await res.json()) as Reply;
      expect(order(a)).toBeUndefined();
      expect(text(a)).toMatch(/can't reach|cannot reach|right now|try again/i);
      expect(JSON.stringify(a)).not.toMatch(/critical error|<p>|stack|Error:/);
      expect(JSON.stringify(a)).not.toContain("1ZE2W6491144172082");
      expect(await stored(a.conversationId)).toBe(1);

      emu.clearFaults();
      const b = (await (
        await post(
          { conversationId: a.conversationId, conversationToken: a.conversationToken, text: FULL_TURN },
          shopper,
        )
      ).json()) as Reply;
      expect(b.conversationId).toBe(a.conversationId);
      expect(order(b)?.number).toBe("2002");
      expect(await stored(a.conversationId)).toBe(2);
    },
  );

  it("GIVEN one 429 with Retry-After: 1 THEN the client waits, retries and answers with the order in the same turn", async () => {
    emu.inject({ kind: "http_status", status: 429, retryAfter: 1, times: 1 });
    const t0 = Date.now();
    const a = (await (await post({ text: FULL_TURN })).json()) as Reply;
    expect(order(a)?.number).toBe("2002");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(await stored(a.conversationId)).toBe(1);
  });

  it("refuses a replayed signed request (same nonce) so a duplicated delivery is not stored twice", async () => {
    const path = "/api/v1/woo/storefront/messages";
    const raw = JSON.stringify({ text: FULL_TURN });
    const headers = {
      "content-type": "application/json",
      ...signedHeaders(storeId, secret, {
        method: "POST",
        pathWithQuery: path,
        body: raw,
        shopper: newShopper(),
      }),
    };
    const send = () =>
      messagesRoute.action({
        request: new Request(`https://trulybot.test${path}`, { method: "POST", body: raw, headers }),
        params: {},
        context: {},
      }) as Promise<Response>;
    const before = await db.message.count({ where: { role: "shopper" } });
    const first = await send();
    expect(first.status).toBe(200);
    const second = await send();
    expect(second.status).toBe(401);
    expect((await second.json()).error.code).toBe("replayed");
    expect(await db.message.count({ where: { role: "shopper" } })).toBe(before + 1);
  });
});

describe("hostile data from WooCommerce on a full order-status turn (issue 12 item 8)", () => {
  it.each([
    ["javascript:alert(document.cookie)"],
    ["data:text/html,<script>alert(1)</script>"],
    [" JAVASCRIPT:alert(1)"],
  ])(
    "GIVEN the Shipment Tracking link is %s WHEN the shopper asks THEN the order card links only to the carrier's https page",
    async (hostile) => {
      const trackings = emu.data.trackings!["2002"];
      const saved = structuredClone(trackings);
      try {
        trackings.forEach((t) => (t.tracking_link = hostile));
        const res = await post({ text: FULL_TURN });
        expect(res.status).toBe(200);
        const body = await res.text();
        expect(body.toLowerCase()).not.toContain("javascript:");
        expect(body).not.toContain("data:text");
        const card = order(JSON.parse(body) as Reply) as
          { number: string; shipments: { trackingUrl: string | null }[] } | undefined;
        expect(card?.number).toBe("2002");
        expect(card?.shipments[0].trackingUrl).toMatch(
          /^https:\/\/www\.ups\.com\/track\?tracknum=1ZE2W6491144172082$/,
        );
      } finally {
        emu.data.trackings!["2002"] = saved;
      }
    },
  );
});
