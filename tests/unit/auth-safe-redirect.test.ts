import { describe, expect, it } from "vitest";
import { authRedirect, safeNext } from "@/lib/auth/safe-redirect";

describe("safeNext: where a sign-in may send someone", () => {
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeNext("/people/3f0c?tab=plan#skills")).toBe("/people/3f0c?tab=plan#skills");
    expect(safeNext("/one-on-ones/abc")).toBe("/one-on-ones/abc");
    // Encoded slashes stay encoded: a path on this site, not another host.
    expect(safeNext("/%2F%2Fevil.com")).toBe("/%2F%2Fevil.com");
  });
  it("sends everything that could leave the site, or break the redirect, to /", () => {
    for (const bad of [
      undefined,
      null,
      "",
      "people",
      "//evil.com",
      "/\\evil.com",
      "\\\\evil.com",
      "https://evil.com",
      "javascript:alert(1)",
      // Resolve to "//evil.com", which a browser's router reads as another host (QA: the page tried http://evil.com/).
      "/..//evil.com",
      "/./..//evil.com/x",
      "/a/../..//evil.com",
      // A tab or newline, which URL parsers drop ("/\t/evil.com" is "//evil.com") or which breaks the header (a 500).
      "/\t/evil.com",
      "/\n/evil.com",
      "/\r\nSet-Cookie: x=1",
      "/\u0000",
    ]) {
      expect(safeNext(bad), JSON.stringify(bad)).toBe("/");
    }
  });
});

describe("authRedirect: next-auth's callbackUrl", () => {
  const baseUrl = "http://localhost:3000";
  it("keeps this site's paths and URLs", () => {
    expect(authRedirect({ url: "/team", baseUrl })).toBe("http://localhost:3000/team");
    expect(authRedirect({ url: "http://localhost:3000/me?x=1", baseUrl })).toBe("http://localhost:3000/me?x=1");
  });
  it("sends another host, a look-alike, or a value that is not a URL to the root, without throwing", () => {
    for (const url of ["https://evil.com/", "http://localhost:3000.evil.com/", "http://localhost:3000@evil.com/", "http://[::1", "/..//evil.com", "not a url"]) {
      expect(authRedirect({ url, baseUrl }), url).toBe(url === "/..//evil.com" ? "http://localhost:3000/" : baseUrl);
    }
  });
});
