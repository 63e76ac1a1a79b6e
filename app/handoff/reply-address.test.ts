import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReplyAddress, replyAddress, replyTagValid } from "./reply-address.server";

const config = { domain: "reply.shop.test", secret: "inbound-signing-key-0123456789" };
const id = fc.stringMatching(/^[a-z0-9-]{1,36}$/);

describe("reply addresses", () => {
  it("round-trip for any conversation and store, stay within 64 characters before the @, and validate", () => {
    fc.assert(
      fc.property(fc.constantFrom("s" as const, "m" as const), id, fc.string(), (role, conv, store) => {
        const addr = replyAddress(role, store, conv, config)!;
        expect(addr.split("@")[0].length).toBeLessThanOrEqual(64);
        // mail systems may change the case and add a display name
        const p = parseReplyAddress(`"Shop" <${addr.toUpperCase()}>`, config.domain)!;
        expect(p).toMatchObject({ role, conversationId: conv });
        expect(replyTagValid(p, store, config)).toBe(true);
      }),
    );
  });

  it("no other store, role, conversation, single-character change or key validates it", () => {
    fc.assert(
      fc.property(id, fc.string(), fc.nat(19), (conv, store, at) => {
        const addr = replyAddress("s", store, conv, config)!;
        const p = parseReplyAddress(addr, config.domain)!;
        expect(replyTagValid(p, `${store}x`, config)).toBe(false);
        expect(replyTagValid({ ...p, role: "m" }, store, config)).toBe(false);
        expect(replyTagValid({ ...p, conversationId: `${conv}0`.slice(-36) + "z" }, store, config)).toBe(
          false,
        );
        const flipped = p.tag.slice(0, at) + (p.tag[at] === "0" ? "1" : "0") + p.tag.slice(at + 1);
        expect(replyTagValid({ ...p, tag: flipped }, store, config)).toBe(false);
        expect(replyTagValid(p, store, { ...config, secret: `${config.secret}!` })).toBe(false);
      }),
    );
  });

  it("only addresses of our domain in our shape are read; no configuration, no address", () => {
    expect(parseReplyAddress("reply+sabc.0123456789abcdef0123@other.test", config.domain)).toBeNull();
    expect(parseReplyAddress("someone@reply.shop.test", config.domain)).toBeNull();
    expect(parseReplyAddress("reply+xabc.0123456789abcdef0123@reply.shop.test", config.domain)).toBeNull();
    expect(
      parseReplyAddress("a@b.test, reply+mabc.0123456789abcdef0123@reply.shop.test", config.domain),
    ).toEqual({ role: "m", conversationId: "abc", tag: "0123456789abcdef0123" });
    expect(replyAddress("s", "store", "abc", null)).toBeNull();
    expect(replyAddress("s", "store", "Has.Dots", config)).toBeNull();
  });
});
