/**
 * Rate limits by client address use the request's real TCP peer
 * (lib/server/peer-address.ts), not a header the client chose: a real HTTP
 * server in this process, with the recorder installed as instrumentation.ts
 * does, and clients connecting from different loopback addresses
 * (127.0.0.2, 127.0.0.3: all of 127/8 is this machine on Linux).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { clientIp, resetForwarderWarningsForTests } from "@/lib/auth/client-ip";
import { LOGIN_MAX_FAILURES_PER_IP } from "@/lib/auth/rate-limit";
import { resetEnvForTests } from "@/lib/env";
import { normalizeAddress, PEER_HEADER, peerAddressOf, recordPeerAddresses } from "@/lib/server/peer-address";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { loopbackAliases } from "../helpers/loopback";

// Several client addresses on one machine: all of 127/8 on Linux. Skipped only on a developer's machine without
// them (macOS); CI (CI=1) always runs these, and fails loudly if the addresses are missing.
const aliases = Boolean(process.env.CI) || (await loopbackAliases());

let db: Db;
let server: http.Server;
let port = 0;

/** What the app would see for a request: the headers Next.js passes on, as a Headers object. */
type Seen = { ip: string; peer: string | null; sentPeerHeader: string | null; login?: string };

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  recordPeerAddresses();
  recordPeerAddresses(); // twice is once
  server = http.createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const seen: Seen = { ip: clientIp(headers), peer: peerAddressOf(headers), sentPeerHeader: headers.get(PEER_HEADER) };
    const url = new URL(req.url ?? "/", "http://app.test");
    const email = url.searchParams.get("email");
    if (email) {
      const r = await checkCredentials(email, url.searchParams.get("password") ?? "", new Request("http://app.test/login", { method: "POST", headers }));
      seen.login = r === "rate_limited" ? "rate_limited" : r ? "ok" : "failed";
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(seen));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await teardownTestDb();
});

afterEach(async () => {
  await db.delete(loginAttempts);
  delete process.env.TRUSTED_PROXIES;
  resetEnvForTests();
});

function from(localAddress: string, path = "/", headers: Record<string, string> = {}): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: "127.0.0.1", port, path, localAddress, headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve(JSON.parse(body) as Seen));
    });
    r.on("error", reject);
    r.end();
  });
}

const login = (email: string, password: string) => `/?${new URLSearchParams({ email, password })}`;

describe.skipIf(!aliases)("client address for rate limits", () => {
  it("is the TCP peer, whatever X-Forwarded-For, X-Real-IP or the peer header itself the client sends", async () => {
    expect(await from("127.0.0.2")).toMatchObject({ ip: "127.0.0.2", peer: "127.0.0.2" });
    const spoofed = await from("127.0.0.3", "/", { "x-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.8", [PEER_HEADER]: "198.51.100.9" });
    expect(spoofed).toMatchObject({ ip: "127.0.0.3", peer: "127.0.0.3" });
    expect(spoofed.sentPeerHeader).toMatch(/ 127\.0\.0\.3$/);
  });

  it("a peer header that this process did not stamp (a request that arrived before start-up finished) is no address", () => {
    // As such a request reaches the app: with the client's own header, handled after the recorder was installed.
    for (const claimed of ["198.51.100.9", "127.0.0.2", " 127.0.0.2", "x 127.0.0.2"]) {
      const headers = new Headers({ [PEER_HEADER]: claimed, "x-forwarded-for": "198.51.100.10" });
      expect(peerAddressOf(headers)).toBeNull();
      expect(clientIp(headers)).toBe("direct");
    }
  });

  it("50 failed sign-ins from one client pause that client only; another client still signs in", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i++) {
      // A different made-up X-Forwarded-For each time does not spread the failures over many buckets.
      const r = await from("127.0.0.2", login(`stuffing${i}@acme.example`, "guess"), { "x-forwarded-for": `192.0.2.${i}` });
      expect(r.login, `attempt ${i + 1}`).toBe("failed");
    }
    expect((await from("127.0.0.2", login("maya@acme.example", "reignite-demo"))).login).toBe("rate_limited");
    expect((await from("127.0.0.3", login("maya@acme.example", "reignite-demo"))).login).toBe("ok");
  });

  it("believes X-Forwarded-For only from a trusted proxy, and from there the right-most address that is not a proxy", async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.2, ::ffff:127.0.0.4";
    resetEnvForTests();
    expect((await from("127.0.0.2", "/", { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 127.0.0.4" })).ip).toBe("198.51.100.4");
    expect((await from("127.0.0.2", "/", { "x-real-ip": "198.51.100.5" })).ip).toBe("198.51.100.5");
    // Through the proxy with nothing forwarded: the proxy's own address, not a bucket shared with everyone.
    expect((await from("127.0.0.2")).ip).toBe("127.0.0.2");
    // Not through the proxy (someone reaching the app directly): the header is theirs, and ignored.
    expect((await from("127.0.0.3", "/", { "x-forwarded-for": "198.51.100.4" })).ip).toBe("127.0.0.3");
    // The proxy named in its IPv6-mapped form is the same proxy.
    expect((await from("127.0.0.4", "/", { "x-forwarded-for": "198.51.100.6" })).ip).toBe("198.51.100.6");
  });

  it("says once in the server log when a connection not in TRUSTED_PROXIES forwards addresses (a load balancer nobody named)", async () => {
    resetForwarderWarningsForTests();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await from("127.0.0.2"); // nothing forwarded: nothing to say
      await from("127.0.0.2", "/", { "x-forwarded-for": "127.0.0.2" }); // what Next.js fills in for a direct request
      expect(warn).not.toHaveBeenCalled();
      await from("127.0.0.2", "/", { "x-forwarded-for": "198.51.100.4" });
      await from("127.0.0.2", "/", { "x-forwarded-for": "198.51.100.5" });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/127\.0\.0\.2 .*TRUSTED_PROXIES/);
      // Once it is named, its forwarded addresses count and there is nothing to warn about.
      process.env.TRUSTED_PROXIES = "127.0.0.3";
      resetEnvForTests();
      expect((await from("127.0.0.3", "/", { "x-forwarded-for": "198.51.100.6" })).ip).toBe("198.51.100.6");
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("normalizeAddress", () => {
  it("reads an IPv4 client on a dual-stack socket as IPv4, and leaves IPv6 alone", () => {
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff")).toBe("::ffff");
  });
});
