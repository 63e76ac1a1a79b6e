import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeResume, resumedState, resumeTokenOf, withoutResume } from "./resume";
import type { FetchLike } from "./net";

const TOKEN = "0f1e2d3c-aaaa-bbbb-cccc-1234567890ab.t5k2x1.0123456789abcdef0123456789abcdef";

describe("the resume link in the address bar", () => {
  it("reads the token from ?trulybot=resume.<token>, among other parameters", () => {
    expect(resumeTokenOf(`?trulybot=resume.${TOKEN}`)).toBe(TOKEN);
    expect(resumeTokenOf(`?utm_source=mail&trulybot=resume.${TOKEN}&x=1`)).toBe(TOKEN);
  });

  it("ignores ?trulybot=open, other values, markup and oversized tokens", () => {
    expect(resumeTokenOf("?trulybot=open")).toBeNull();
    expect(resumeTokenOf("")).toBeNull();
    expect(resumeTokenOf("?trulybot=resume.")).toBeNull();
    expect(resumeTokenOf("?trulybot=resumeX" + TOKEN)).toBeNull();
    expect(resumeTokenOf("?trulybot=resume.%3Cimg%20src%3Dx%3E")).toBeNull();
    expect(resumeTokenOf("?trulybot=resume." + "a".repeat(161))).toBeNull();
    expect(resumeTokenOf("?trulybot=resume.a%26conversationId%3Dx")).toBeNull();
  });

  it("strips only the trulybot parameter, keeping the rest and the fragment", () => {
    expect(withoutResume(`https://shop.test/p/a?x=1&trulybot=resume.${TOKEN}&y=2#top`)).toBe(
      "https://shop.test/p/a?x=1&y=2#top",
    );
    expect(withoutResume(`https://shop.test/?trulybot=resume.${TOKEN}`)).toBe("https://shop.test/");
  });
});

describe("the server's answer becomes the conversation", () => {
  const answer = {
    conversationId: "c1",
    conversationToken: "new-token-of-this-browser",
    awaiting: null,
    messages: [
      { id: "m1", role: "shopper", type: "text", text: "where is #1002" },
      { id: "m2", role: "bot", type: "handoff", text: "Tell us more", fields: ["email", "message"] },
      { id: "m3", role: "agent", type: "text", text: "We tried to call" },
    ],
  };

  it("takes id, the NEW token and the history; handoff forms are done; the newest message is `after`", () => {
    const s = resumedState(answer as never)!;
    expect(s.conversationId).toBe("c1");
    expect(s.conversationToken).toBe("new-token-of-this-browser");
    expect(s.messages.map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
    expect(s.messages[1]).toMatchObject({ type: "handoff", fields: [] });
    expect(s.lastMessageId).toBe("m3");
  });

  it("refuses an answer without a token, an id or messages, and drops malformed messages", () => {
    expect(resumedState({ ...answer, conversationToken: undefined } as never)).toBeNull();
    expect(resumedState({ ...answer, conversationId: "" } as never)).toBeNull();
    expect(resumedState({ ...answer, messages: "x" } as never)).toBeNull();
    expect(resumedState(null)).toBeNull();
    const s = resumedState({
      ...answer,
      messages: [null, { id: 1, type: "text" }, answer.messages[0]],
    } as never);
    expect(s!.messages.map((m) => m.id)).toEqual(["m1"]);
  });
});

describe("exchangeResume over HTTP (a real local server)", () => {
  let server: http.Server;
  let base: string;
  const seen: { url: string; accept: string | undefined; nonce: string | undefined }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({
        url: req.url ?? "",
        accept: req.headers.accept,
        nonce: req.headers["x-wp-nonce"] as string | undefined,
      });
      const u = new URL(req.url ?? "/", "http://x");
      const token = u.searchParams.get("resume");
      res.setHeader("Content-Type", "application/json");
      if (token === "good") {
        res.end(
          JSON.stringify({
            conversationId: "c9",
            conversationToken: "fresh",
            awaiting: null,
            messages: [{ id: "a", role: "agent", type: "text", text: "Hi" }],
          }),
        );
      } else if (token === "garbage") res.end("{not json");
      else if (token === "unavailable") {
        res.statusCode = 503;
        res.end('{"error":{"code":"unavailable","message":"x"}}');
      } else {
        res.statusCode = 404;
        res.end('{"error":{"code":"link_invalid","message":"expired"}}');
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/apps/trulybot`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const fetchFn: FetchLike = (url, init) => fetch(url, init as RequestInit);

  it("GETs {base}/messages?resume=<token> with the page's headers and takes the conversation", async () => {
    const r = await exchangeResume(fetchFn, base, "good", { "X-WP-Nonce": "n1" });
    expect(r!.state).toMatchObject({ conversationId: "c9", conversationToken: "fresh", lastMessageId: "a" });
    expect(seen.at(-1)).toEqual({
      url: "/apps/trulybot/messages?resume=good",
      accept: "application/json",
      nonce: "n1",
    });
  });

  it("a refused link (404), an outage (503), a body that is not JSON, or no server at all: null", async () => {
    expect(await exchangeResume(fetchFn, base, "used")).toBeNull();
    expect(await exchangeResume(fetchFn, base, "unavailable")).toBeNull();
    expect(await exchangeResume(fetchFn, base, "garbage")).toBeNull();
    expect(await exchangeResume(fetchFn, "http://127.0.0.1:1/apps/trulybot", "good")).toBeNull();
  });
});
