/** POST /demo/api/understand (CONTRACTS.md §3): the exact shape, bad input, and 404 outside demo mode. */
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../app/env.server";
import { action } from "../../app/routes/demo.api.understand";

const call = (body: string) =>
  action({
    request: new Request("http://x/demo/api/understand", { method: "POST", body }),
    params: {},
    context: {},
  }) as Promise<Response>;

afterEach(() => {
  delete process.env.TRULYBOT_DEMO;
  resetEnvForTests();
});

describe("POST /demo/api/understand", () => {
  it("returns intent, confidence, language and entities with exactly the contract's keys", async () => {
    process.env.TRULYBOT_DEMO = "1";
    resetEnvForTests();
    const res = await call(JSON.stringify({ text: "Wo ist meine Bestellung 1003? max@example.com" }));
    expect(res.status).toBe(200);
    const j = await res.json();
    expect(Object.keys(j).sort()).toEqual(["confidence", "entities", "intent", "language"]);
    expect(j).toMatchObject({
      intent: "order_status",
      language: "de",
      entities: { orderNumber: "1003", email: "max@example.com", phone: null },
    });
    expect(j.confidence).toBeGreaterThan(0);
    expect(j.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    ["what payment methods do you take", "en"],
    ["do you sell gift cards?", "en"],
    ["Muss ich Zoll zahlen?", "de"],
  ])("returns faq with a real confidence for the store question %j", async (text, language) => {
    process.env.TRULYBOT_DEMO = "1";
    resetEnvForTests();
    const res = await call(JSON.stringify({ text }));
    expect(res.status).toBe(200);
    const j = await res.json();
    expect(j).toMatchObject({ intent: "faq", language, entities: { orderNumber: null } });
    expect(j.confidence).toBeGreaterThan(0.5);
    expect(j.confidence).toBeLessThanOrEqual(1);
  });

  it("answers a clear and an unclear message with different confidences", async () => {
    process.env.TRULYBOT_DEMO = "1";
    resetEnvForTests();
    const sure = await (await call(JSON.stringify({ text: "where is my order 1003?" }))).json();
    const unsure = await (await call(JSON.stringify({ text: "exchange" }))).json();
    expect(sure.intent).toBe("order_status");
    expect(sure.confidence).toBeGreaterThan(unsure.confidence);
  });

  it.each([
    ["malformed JSON", "{nope"],
    ["missing text", JSON.stringify({ locale: "en" })],
    ["text over 1,000 characters", JSON.stringify({ text: "x".repeat(1001) })],
    ["a non-string text", JSON.stringify({ text: 42 })],
  ])("answers %s with 400", async (_n, body) => {
    process.env.TRULYBOT_DEMO = "1";
    resetEnvForTests();
    const res = await call(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toEqual(expect.any(String));
  });

  it("does not exist outside demo mode", async () => {
    process.env.TRULYBOT_DEMO = "0";
    resetEnvForTests();
    await expect(call(JSON.stringify({ text: "hi" }))).rejects.toMatchObject({ status: 404 });
  });
});
