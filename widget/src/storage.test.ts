import { describe, it, expect } from "vitest";
import {
  loadSession,
  saveSession,
  clearSession,
  IDLE_EXPIRY_MS,
  MAX_STORED_MESSAGES,
  type KV,
} from "./storage";
import type { WidgetMessage } from "../../app/protocol";

function mem(): KV & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
const msg = (i: number): WidgetMessage => ({ id: "m" + i, role: "bot", type: "text", text: "hello " + i });

describe("conversation memory", () => {
  it("restores the conversation within 30 minutes of inactivity", () => {
    const kv = mem();
    saveSession(
      kv,
      "k",
      {
        conversationId: "c1",
        conversationToken: "tok1",
        messages: [msg(1)],
        awaiting: "order_number",
        lastMessageId: "m1",
      },
      1_000,
    );
    const s = loadSession(kv, "k", 1_000 + IDLE_EXPIRY_MS - 1);
    expect(s?.conversationId).toBe("c1");
    expect(s?.conversationToken).toBe("tok1");
    expect(s?.messages).toHaveLength(1);
    expect(s?.awaiting).toBe("order_number");
  });
  it("forgets it after 30 minutes idle and removes the stored copy", () => {
    const kv = mem();
    saveSession(
      kv,
      "k",
      {
        conversationId: "c1",
        conversationToken: "tok1",
        messages: [msg(1)],
        awaiting: null,
        lastMessageId: null,
      },
      1_000,
    );
    expect(loadSession(kv, "k", 1_000 + IDLE_EXPIRY_MS + 1)).toBeNull();
    expect(kv.data.has("k")).toBe(false);
  });
  it("each save extends the expiry (inactivity, not age)", () => {
    const kv = mem();
    saveSession(
      kv,
      "k",
      { conversationId: "c1", conversationToken: "tok1", messages: [], awaiting: null, lastMessageId: null },
      0,
    );
    saveSession(
      kv,
      "k",
      { conversationId: "c1", conversationToken: "tok1", messages: [], awaiting: null, lastMessageId: null },
      IDLE_EXPIRY_MS - 10,
    );
    expect(loadSession(kv, "k", IDLE_EXPIRY_MS + 1000)?.conversationId).toBe("c1");
  });
  it("keeps only the latest messages", () => {
    const kv = mem();
    const many = Array.from({ length: MAX_STORED_MESSAGES + 10 }, (_, i) => msg(i));
    saveSession(
      kv,
      "k",
      { conversationId: "c", conversationToken: null, messages: many, awaiting: null, lastMessageId: null },
      5,
    );
    const s = loadSession(kv, "k", 6)!;
    expect(s.messages).toHaveLength(MAX_STORED_MESSAGES);
    expect(s.messages[s.messages.length - 1].id).toBe("m" + (MAX_STORED_MESSAGES + 9));
  });
  it("treats corrupt data as no conversation and survives throwing storage", () => {
    const kv = mem();
    kv.setItem("k", "{not json");
    expect(loadSession(kv, "k", 0)).toBeNull();
    const broken: KV = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => {},
    };
    expect(loadSession(broken, "k", 0)).toBeNull();
    expect(() =>
      saveSession(
        broken,
        "k",
        { conversationId: null, conversationToken: null, messages: [], awaiting: null, lastMessageId: null },
        0,
      ),
    ).not.toThrow();
    expect(loadSession(null, "k", 0)).toBeNull();
  });
  it("a conversation stored before tokens existed loads without a token (the next answer brings one)", () => {
    const kv = mem();
    kv.setItem(
      "k",
      JSON.stringify({ conversationId: "old", messages: [msg(1)], awaiting: null, updatedAt: 5 }),
    );
    expect(loadSession(kv, "k", 10)).toMatchObject({ conversationId: "old", conversationToken: null });
    kv.setItem(
      "k",
      JSON.stringify({ conversationId: "x", conversationToken: 42, messages: [], updatedAt: 5 }),
    );
    expect(loadSession(kv, "k", 10)?.conversationToken).toBeNull();
  });
  it("clearSession removes it", () => {
    const kv = mem();
    saveSession(
      kv,
      "k",
      { conversationId: "c", conversationToken: null, messages: [], awaiting: null, lastMessageId: null },
      0,
    );
    clearSession(kv, "k");
    expect(loadSession(kv, "k", 1)).toBeNull();
  });
});
