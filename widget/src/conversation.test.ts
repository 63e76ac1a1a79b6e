import { describe, it, expect } from "vitest";
import {
  applyResponse,
  emptyConversation,
  firstAgentIndex,
  handoffAction,
  handoffFields,
  isVerified,
  responseLanguage,
} from "./conversation";
import type { MessagesResponse, WidgetMessage, WidgetOrder } from "../../app/protocol";

const text = (id: string, role: "bot" | "agent" | "shopper" = "bot"): WidgetMessage => ({
  id,
  role,
  type: "text",
  text: "t" + id,
});
const order = { number: "1002", status: "shipped", shipments: [], items: [] } as unknown as WidgetOrder;
const handoff = (fields: ("email" | "message")[]): Extract<WidgetMessage, { type: "handoff" }> => ({
  id: "h1",
  role: "bot",
  type: "handoff",
  text: "Tell us more",
  fields,
});
const res = (over: Partial<MessagesResponse>): MessagesResponse => ({
  conversationId: "c1",
  messages: [],
  awaiting: null,
  ...over,
});

describe("conversation token", () => {
  it("stores the token of the first answer with its conversation id", () => {
    const r = applyResponse(
      emptyConversation(),
      res({ conversationToken: "tok-1", messages: [text("m1")] }),
      "hi",
      1,
    );
    expect(r.state.conversationId).toBe("c1");
    expect(r.state.conversationToken).toBe("tok-1");
    expect(r.state.lastMessageId).toBe("m1");
    expect(r.state.messages.map((m) => m.role)).toEqual(["shopper", "bot"]);
  });
  it("keeps the token when later answers of the same conversation carry none", () => {
    const s1 = applyResponse(emptyConversation(), res({ conversationToken: "tok-1" }), "hi", 1).state;
    expect(applyResponse(s1, res({ messages: [text("m2")] }), "again", 2).state.conversationToken).toBe(
      "tok-1",
    );
  });
  it("replaces id and token together when the server starts a new conversation", () => {
    const s1 = applyResponse(emptyConversation(), res({ conversationToken: "tok-1" }), "hi", 1).state;
    const s2 = applyResponse(s1, res({ conversationId: "c2", conversationToken: "tok-2" }), "x", 2).state;
    expect([s2.conversationId, s2.conversationToken]).toEqual(["c2", "tok-2"]);
    // a new id without a token never keeps the old conversation's secret
    const s3 = applyResponse(s1, res({ conversationId: "c3" }), "x", 3).state;
    expect([s3.conversationId, s3.conversationToken]).toEqual(["c3", null]);
  });
});

describe("hostile answers", () => {
  it("ignores an id or token that is not a non-empty string", () => {
    const s1 = applyResponse(emptyConversation(), res({ conversationToken: "tok-1" }), "hi", 1).state;
    const weird = { conversationId: 42, conversationToken: { $gt: "" }, messages: [], awaiting: null };
    const s2 = applyResponse(s1, weird as unknown as MessagesResponse, null, 2).state;
    expect([s2.conversationId, s2.conversationToken]).toEqual(["c1", "tok-1"]);
    const s3 = applyResponse(s1, res({ conversationToken: "" }), null, 3).state;
    expect(s3.conversationToken).toBe("tok-1");
  });
  it("survives a missing messages array and keeps `after` on a message it already had", () => {
    const s1 = applyResponse(emptyConversation(), res({ messages: [text("m1")] }), null, 1).state;
    const s2 = applyResponse(s1, { conversationId: "c1" } as unknown as MessagesResponse, null, 2).state;
    expect(s2.messages).toHaveLength(1);
    const s3 = applyResponse(s2, res({ messages: [text("m1")] }), null, 3).state;
    expect(s3.lastMessageId).toBe("m1");
  });
});

describe("poll answers", () => {
  it("drops messages already shown, so a poll and a POST answer may overlap", () => {
    const s1 = applyResponse(emptyConversation(), res({ messages: [text("m1"), text("m2")] }), null, 1).state;
    const r = applyResponse(s1, res({ messages: [text("m2"), text("a1", "agent")] }), null, 2);
    expect(r.incoming.map((m) => m.id)).toEqual(["a1"]);
    expect(r.state.messages.map((m) => m.id)).toEqual(["m1", "m2", "a1"]);
    expect(r.state.lastMessageId).toBe("a1");
  });
  it("an empty poll keeps `after` and what the bot asked for", () => {
    const s1 = applyResponse(
      emptyConversation(),
      res({ messages: [text("m1")], awaiting: "email_or_phone" }),
      null,
      1,
    ).state;
    const poll = { conversationId: "c1", messages: [] } as unknown as MessagesResponse;
    const s2 = applyResponse(s1, poll, null, 2).state;
    expect(s2.lastMessageId).toBe("m1");
    expect(s2.awaiting).toBe("email_or_phone");
  });
  it("ignores malformed entries (no id, no type)", () => {
    const bad = [null, { id: 1, type: "text" }, { id: "x" }] as unknown as WidgetMessage[];
    const r = applyResponse(emptyConversation(), res({ messages: [...bad, text("ok")] }), null, 1);
    expect(r.incoming.map((m) => m.id)).toEqual(["ok"]);
  });
  it("finds the first message a person from the store wrote (for the join notice)", () => {
    expect(firstAgentIndex([text("1"), text("2", "agent"), text("3", "agent")])).toBe(1);
    expect(firstAgentIndex([text("1")])).toBe(-1);
  });
});

describe("handoff after verification (issue 18)", () => {
  const verified: WidgetMessage[] = [{ id: "o", role: "bot", type: "order", text: "Here it is", order }];
  it("asks only for the message once an order was shown, even if the server lists email", () => {
    expect(isVerified(verified)).toBe(true);
    expect(handoffFields(handoff(["email", "message"]), verified)).toEqual(["message"]);
    expect(handoffFields(handoff(["message"]), verified)).toEqual(["message"]);
  });
  it("asks for email and message before verification", () => {
    expect(handoffFields(handoff(["email", "message"]), [text("1")])).toEqual(["email", "message"]);
  });
  it("never sends an empty email: the field is left out when it was not asked", () => {
    expect(handoffAction(["message"], "", "  Please call me ")).toEqual({
      type: "handoff_submit",
      message: "Please call me",
    });
    expect("email" in handoffAction(["message"], "", "x")).toBe(false);
    expect(handoffAction(["email", "message"], " a@b.co ", "hi")).toEqual({
      type: "handoff_submit",
      email: "a@b.co",
      message: "hi",
    });
  });
});

describe("the conversation's language", () => {
  it("is taken from the answer when the server names it, normalised", () => {
    expect(responseLanguage({ ...res({}), language: "de-DE" } as MessagesResponse)).toBe("de");
    expect(responseLanguage(res({}))).toBeNull();
    expect(responseLanguage({ ...res({}), language: "xx" } as MessagesResponse)).toBeNull();
  });
});
