/** Request validation: the conversation token and the handoff form's optional email. */
import { describe, expect, it } from "vitest";
import { parseMessagesRequest, wellFormedRequest } from "./request";

describe("parseMessagesRequest", () => {
  it("accepts a conversation token with its id", () => {
    const token = "a".repeat(43);
    expect(parseMessagesRequest({ conversationId: "c1", conversationToken: token, text: "hi" })).toEqual({
      ok: true,
      request: { conversationId: "c1", conversationToken: token, text: "hi" },
    });
  });

  it.each([
    [{ text: "hi", conversationToken: 42 }],
    [{ text: "hi", conversationToken: "<script>" }],
    [{ text: "hi", conversationToken: "x".repeat(201) }],
    [{ text: "hi", conversationToken: "" }],
  ])("rejects %j with invalid_conversation_token", (body) => {
    const r = parseMessagesRequest(body);
    expect(r.ok === false && r.error.code).toBe("invalid_conversation_token");
  });

  it("accepts a handoff form without an email (the conversation may know it) and normalises it to empty", () => {
    expect(parseMessagesRequest({ action: { type: "handoff_submit", message: "help" } })).toEqual({
      ok: true,
      request: { action: { type: "handoff_submit", email: "", message: "help" } },
    });
    const bad = parseMessagesRequest({ action: { type: "handoff_submit", email: 5, message: "help" } });
    expect(bad.ok === false && bad.error.code).toBe("invalid_action");
  });

  it("makes lone surrogates well-formed, also for callers that skip parsing", () => {
    const r = parseMessagesRequest({ text: "hi \ud800 \u0000" });
    expect(r.ok && r.request.text).toBe("hi \ufffd \ufffd");
    expect(
      wellFormedRequest({ action: { type: "handoff_submit", email: "", message: "\udc00" } }).action,
    ).toEqual({
      type: "handoff_submit",
      email: "",
      message: "\ufffd",
    });
  });
});
