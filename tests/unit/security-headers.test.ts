import { describe, expect, it } from "vitest";
import { buildCsp, cameOverHttps, securityHeaders } from "@/lib/security/headers";

describe("security headers follow the scheme the request came over", () => {
  it("asks for https only over https", () => {
    expect(buildCsp("n", false, true)).toContain("upgrade-insecure-requests");
    expect(buildCsp("n", false, false)).not.toContain("upgrade-insecure-requests");
    expect(securityHeaders("n", true, true)["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(securityHeaders("n", true, false)).not.toHaveProperty("Strict-Transport-Security");
    // Development never pins https.
    expect(securityHeaders("n", false, true)).not.toHaveProperty("Strict-Transport-Security");
  });

  it("knows https from the URL, a TLS-terminating proxy's X-Forwarded-Proto, or an https APP_URL", () => {
    const http = new URL("http://192.0.2.2:3000/login");
    expect(cameOverHttps(http, null, undefined)).toBe(false);
    expect(cameOverHttps(http, "http", undefined)).toBe(false);
    expect(cameOverHttps(new URL("https://reignite.example/login"), null, undefined)).toBe(true);
    expect(cameOverHttps(http, "https", undefined)).toBe(true);
    expect(cameOverHttps(http, "HTTPS, http", undefined)).toBe(true); // the first proxy's view of the client
    expect(cameOverHttps(http, "http, https", undefined)).toBe(false);
    expect(cameOverHttps(http, null, "https://reignite.example")).toBe(true);
    expect(cameOverHttps(http, null, "http://localhost:3000")).toBe(false);
  });
});
