import { describe, expect, it } from "vitest";
import { clientIpFromForwardedFor, networkPrefix } from "./client-ip.server";

describe("client address for limits", () => {
  it("takes the entry Shopify appended (the last one), not the first one the client wrote", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("203.0.113.7")).toBe("203.0.113.7");
  });

  it("skips TRUSTED_PROXY_HOPS entries appended by our own proxies", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7, 10.0.0.2", 1)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("203.0.113.7", 1)).toBeNull();
  });

  it("refuses garbage and strips ports", () => {
    expect(clientIpFromForwardedFor("not-an-ip")).toBeNull();
    expect(clientIpFromForwardedFor("")).toBeNull();
    expect(clientIpFromForwardedFor("203.0.113.7:5555")).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("[2001:db8::1]:443")).toBe("2001:db8::1");
  });

  it.each([
    ["203.0.113.7", "203.0.113.0/24"],
    ["203.0.113.250", "203.0.113.0/24"],
    ["::ffff:198.51.100.9", "198.51.100.0/24"],
    ["2001:db8:abcd:12::1", "2001:0db8:abcd::/48"],
    ["2001:db8:abcd:ffff:1:2:3:4", "2001:0db8:abcd::/48"],
    ["::1", "0000:0000:0000::/48"],
  ])("network of %s is %s", (ip, net) => {
    expect(networkPrefix(ip)).toBe(net);
  });
});
