import { describe, expect, it } from "vitest";
import { pickPolicyExcerpt, policyParagraphs } from "./policy";

const SHIPPING =
  "<p><strong>Processing time:</strong> in-stock orders leave our warehouse within 1-2 business days.</p>" +
  "<p><strong>US shipping:</strong> Standard Shipping (5-7 business days) is $8, free on orders over $150.</p>" +
  "<p><strong>International:</strong> we ship to Canada, the UK and the EU with DHL Express (3-6 business days). Duties &amp; taxes are collected on delivery.</p>" +
  "<p><strong>Local pickup:</strong> collect your order free of charge from our Burlington store.</p>";

describe("policy excerpts", () => {
  it("turns HTML into plain paragraphs", () => {
    const ps = policyParagraphs(SHIPPING);
    expect(ps).toHaveLength(4);
    expect(ps[2]).toContain("Duties & taxes");
    expect(ps.join(" ")).not.toMatch(/<|>/);
  });

  it("picks the paragraph that answers the question, not the whole policy", () => {
    expect(pickPolicyExcerpt(SHIPPING, "do you ship to Canada?")).toMatch(/^International:/);
    expect(pickPolicyExcerpt(SHIPPING, "can I pick up my order?")).toContain("Local pickup");
    expect(pickPolicyExcerpt(SHIPPING, "how much is shipping? is it free?")).toContain(
      "free on orders over $150",
    );
    const generic = pickPolicyExcerpt(SHIPPING, "shipping policy");
    expect(generic).toMatch(/^Processing time/);
    expect(generic.length).toBeLessThan(SHIPPING.length / 2);
  });

  it("understands everyday wording (costs, how long) and can require a match", () => {
    expect(pickPolicyExcerpt(SHIPPING, "what are your shipping costs?")).toMatch(/^US shipping/);
    expect(pickPolicyExcerpt(SHIPPING, "how long does it take?")).toMatch(/Processing time/);
    expect(pickPolicyExcerpt(SHIPPING, "", { hints: ["address"], requireMatch: true })).toBe("");
    expect(pickPolicyExcerpt(SHIPPING, "", { hints: ["address"] })).toMatch(/^Processing time/);
  });

  it("truncates long paragraphs at a sentence", () => {
    const long = `<p>${"This is a sentence about returns. ".repeat(40)}</p>`;
    const e = pickPolicyExcerpt(long, "returns", { maxChars: 200 });
    expect(e.length).toBeLessThanOrEqual(200);
    expect(e.endsWith(".")).toBe(true);
  });
});
