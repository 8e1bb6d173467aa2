import { describe, expect, it } from "vitest";
import { rateLimitBucket } from "@/lib/auth/client-ip";

describe("rateLimitBucket", () => {
  it("counts an IPv6 client by its /64, however the address is written", () => {
    const b = rateLimitBucket("2001:db8:abcd:12::1");
    expect(b).toBe("2001:db8:abcd:12::/64");
    for (const a of ["2001:db8:abcd:12:ffff:ffff:ffff:fffe", "2001:0db8:abcd:0012:0:0:0:9", "2001:db8:abcd:12::1%eth0"]) expect(rateLimitBucket(a)).toBe(b);
    expect(rateLimitBucket("2001:db8:abcd:13::1")).not.toBe(b);
    expect(rateLimitBucket("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitBucket("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
    expect(rateLimitBucket("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });
  it("leaves IPv4 addresses and the shared bucket as they are", () => {
    expect(rateLimitBucket("192.0.2.1")).toBe("192.0.2.1");
    expect(rateLimitBucket("direct")).toBe("direct");
  });
});
