/**
 * The conversation token through the real storefront routes (Shopify app proxy and the WooCommerce
 * plugin path): the first response carries it; an id without it does not resume the conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appProxyRequest } from "../helpers/seed";
import { startStorefrontWorld, wooStorefrontRequest, type StorefrontWorld } from "../helpers/storefront";
import { DEMO_SHOP } from "../emulators/shopify-admin/emulator";

const SECRET = process.env.SHOPIFY_API_SECRET!;
let world: StorefrontWorld;
let shopifyRoute: typeof import("../../app/routes/proxy.messages");
let wooRoute: typeof import("../../app/routes/api.v1.woo.storefront.messages");

interface Reply {
  conversationId: string;
  conversationToken?: string;
  messages: { type: string; text?: string }[];
  awaiting: string | null;
}

async function shopifyPost(body: unknown): Promise<Response> {
  return (await shopifyRoute.action({
    request: appProxyRequest("messages", {
      shop: DEMO_SHOP,
      secret: SECRET,
      method: "POST",
      body: JSON.stringify(body),
    }),
    params: {},
    context: {},
  })) as Response;
}

async function wooPost(body: unknown): Promise<Response> {
  const request = wooStorefrontRequest(world.wooStore, "messages", {
    body: JSON.stringify(body),
    shopper: "ab".repeat(32),
  });
  return (await wooRoute.action({ request, params: {}, context: {} })) as Response;
}

const json = async (r: Promise<Response>): Promise<Reply> => {
  const res = await r;
  expect(res.status).toBe(200);
  return res.json();
};

beforeAll(async () => {
  world = await startStorefrontWorld({ shopify: true, woo: true });
  shopifyRoute = await import("../../app/routes/proxy.messages");
  wooRoute = await import("../../app/routes/api.v1.woo.storefront.messages");
});
afterAll(async () => {
  await world?.close();
});

describe.each([
  ["Shopify app proxy", () => shopifyPost, "where is my order #1002? marcus.reed@example.net"],
  ["WooCommerce plugin", () => wooPost, "where is my order #2002? tobias.wagner@example.net"],
] as const)("%s: POST /messages binds the conversation to its browser", (_name, poster, question) => {
  it("GIVEN a verified conversation WHEN another browser sends only its id THEN a new conversation starts without the order; with the token it resumes", async () => {
    const post = (body: unknown) => json(poster()(body));
    const a = await post({ text: question });
    expect(a.messages.some((m) => m.type === "order")).toBe(true);
    expect(a.conversationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stolen = await post({ conversationId: a.conversationId, text: "show me that order again" });
    expect(stolen.conversationId).not.toBe(a.conversationId);
    expect(stolen.messages.some((m) => m.type === "order")).toBe(false);
    const mine = await post({
      conversationId: a.conversationId,
      conversationToken: a.conversationToken,
      text: "thanks!",
    });
    expect(mine.conversationId).toBe(a.conversationId);
    expect(mine.conversationToken).toBeUndefined();
  });

  it("GIVEN a malformed token THEN 400 with a code", async () => {
    const res = await poster()({ text: "hi", conversationToken: "<script>" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_conversation_token");
  });
});
