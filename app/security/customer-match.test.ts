import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerMatcher, emailsIn, normalizeEmail } from "./customer-match";

describe("exact customer matching (GDPR)", () => {
  const ann = customerMatcher({ email: " Ann@Example.COM " });

  it.each([
    ["my email is ann@example.com", true],
    ["ANN@EXAMPLE.COM.", true],
    ['{"email":"ann@example.com"}', true],
    ["joann@example.com", false],
    ["ann@example.com.au", false],
    ["ann@example.co", false],
    ["xann@example.com", false],
    ["a%n@example.com", false],
  ])("mentionedIn(%j) is %s", (text, expected) => {
    expect(ann.mentionedIn(text)).toBe(expected);
  });

  it("% and _ are literal", () => {
    const m = customerMatcher({ email: "b_b%@example.com" });
    expect(m.mentionedIn("bxbx@example.com")).toBe(false);
    expect(m.mentionedIn("to b_b%@example.com")).toBe(true);
  });

  it("phones match on all digits, not a tail", () => {
    const m = customerMatcher({ phone: "+1 555-625-1199" });
    expect(m.mentionedIn("call me at +1 (555) 625-1199")).toBe(true);
    expect(m.mentionedIn("call 555-625-1199")).toBe(false);
    expect(m.mentionedIn("call +1 555 625 1199 0")).toBe(false);
  });

  it("property: an address never matches text that only contains it as a part of a longer address", () => {
    const local = fc.stringMatching(/^[a-z0-9._%+-]{1,12}$/);
    fc.assert(
      fc.property(local, fc.stringMatching(/^[a-z0-9]{1,5}$/), (l, extra) => {
        const email = `${l}@example.com`;
        const m = customerMatcher({ email });
        expect(m.mentionedIn(`${extra}${email}`)).toBe(emailsIn(`${extra}${email}`).has(email));
        expect(m.mentionedIn(`${email}.${extra}`)).toBe(false);
        expect(m.mentionedIn(email)).toBe(normalizeEmail(email) !== null);
      }),
    );
  });
});
