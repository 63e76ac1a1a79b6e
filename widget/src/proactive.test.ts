import { describe, expect, it } from "vitest";
import { fetchProactive, firstTime, parseNote } from "./proactive";
import type { FetchLike } from "./net";

const NOTE = {
  id: "1009:past_eta",
  orderNumber: "1009",
  reason: "past_eta",
  next: "wait",
  language: "en",
  text: "Order #1009 is running late",
  explanation: "Your order #1009 was expected by Nov 24.",
  nextStep: "Please give it a little more time.",
};

const answering =
  (status: number, body: unknown, seen: string[] = []): FetchLike =>
  async (url) => {
    seen.push(url);
    return { ok: status < 400, status, headers: { get: () => null }, json: async () => body };
  };

describe("proactive note", () => {
  it("asks {base}/proactive with the browser's token and returns the note", async () => {
    const seen: string[] = [];
    const note = await fetchProactive(answering(200, { note: NOTE }, seen), "/apps/trulybot", "tok en+/");
    expect(seen).toEqual(["/apps/trulybot/proactive?conversationToken=tok%20en%2B%2F"]);
    expect(note).toMatchObject({ orderNumber: "1009", text: "Order #1009 is running late", next: "wait" });
  });

  it("shows nothing for {}, [] (WordPress's empty object), an error, a network failure or hostile shapes", async () => {
    expect(await fetchProactive(answering(200, {}), "/b", null)).toBeNull();
    expect(await fetchProactive(answering(200, []), "/b", null)).toBeNull();
    expect(await fetchProactive(answering(429, { note: NOTE }), "/b", null)).toBeNull();
    const down: FetchLike = async () => {
      throw new Error("offline");
    };
    expect(await fetchProactive(down, "/b", "t")).toBeNull();
    expect(parseNote({ note: { ...NOTE, next: "<img onerror=alert(1)>" } })).toBeNull();
    expect(parseNote({ note: { ...NOTE, text: 42 } })).toBeNull();
    expect(parseNote({ note: { ...NOTE, explanation: "x".repeat(5000) } })).toBeNull();
    expect(parseNote(null)).toBeNull();
  });

  it("a note is shown once per session", () => {
    const m = new Map<string, string>();
    const ss = {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
    };
    expect(firstTime(ss, "1009:past_eta")).toBe(true);
    expect(firstTime(ss, "1009:past_eta")).toBe(false);
    expect(firstTime(ss, "1004:past_eta")).toBe(true);
  });
});
