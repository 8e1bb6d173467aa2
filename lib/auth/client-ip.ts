import { isIPv6 } from "node:net";
import { env } from "@/lib/env";
import { normalizeAddress, peerAddressOf } from "@/lib/server/peer-address";

/**
 * The client address for rate limiting.
 *
 * - The request's own TCP peer (lib/server/peer-address.ts) is the client,
 *   unless it is one of TRUSTED_PROXIES.
 * - From a trusted proxy, X-Forwarded-For is walked from the right, skipping
 *   our own proxies; the first other address is the client (X-Real-IP when
 *   there is no X-Forwarded-For).
 * - A made-up X-Forwarded-For from anyone else is ignored: otherwise a client
 *   could reset its limit with every request, or fill someone else's.
 * - When the peer is unknown (a request before start-up finished) and no
 *   proxy is trusted, requests share the "direct" bucket; the per-account
 *   limit applies regardless.
 */
export function clientIp(headers: Headers): string {
  return rateLimitBucket(clientAddress(headers));
}

/**
 * One IPv6 client usually holds a whole /64 (its addresses rotate within it, and
 * anyone can pick any of them): its failures are counted per /64, or rotating
 * addresses would sidestep the per-address limit. IPv4 addresses count one by one.
 */
export function rateLimitBucket(address: string): string {
  const v6 = address.split("%")[0]!;
  if (!isIPv6(v6)) return address;
  const [head, tail] = v6.split("::") as [string, string | undefined];
  const groups = (s: string | undefined) => (s ? s.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t];
  return `${all.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

function clientAddress(headers: Headers): string {
  const trusted = env().TRUSTED_PROXIES.split(",").map((s) => normalizeAddress(s)).filter(Boolean);
  const peer = peerAddressOf(headers);
  if (peer && !trusted.includes(peer)) {
    // Next.js fills in X-Forwarded-For with the peer's own address when a request has none: only another address was forwarded.
    const xff = headers.get("x-forwarded-for");
    if (xff && xff.split(",").some((hop) => normalizeAddress(hop) !== peer)) warnUntrustedForwarder(peer);
    return peer;
  }
  if (trusted.length) {
    const xff = headers.get("x-forwarded-for");
    if (xff) {
      const hops = xff.split(",").map((s) => normalizeAddress(s)).filter(Boolean);
      for (let i = hops.length - 1; i >= 0; i--) {
        const hop = hops[i]!;
        if (!trusted.includes(hop)) return hop;
      }
    }
    const real = headers.get("x-real-ip");
    if (real) return normalizeAddress(real);
  }
  return peer ?? "direct";
}

/**
 * Behind a load balancer that is not named in TRUSTED_PROXIES, every client
 * arrives from the balancer's address and shares one per-address sign-in
 * limit: 50 wrong passwords from anyone pause sign-in for everyone behind it.
 * Nothing fails loudly, so say it in the server log the first time a
 * connection forwards an address we ignore. A client may send the header
 * itself (or sit behind its own forward proxy), so this is a hint, printed
 * once per address for a few addresses, not an error.
 */
const MAX_FORWARDER_WARNINGS = 3;
const warnedForwarders = new Set<string>();

function warnUntrustedForwarder(peer: string): void {
  if (warnedForwarders.has(peer) || warnedForwarders.size >= MAX_FORWARDER_WARNINGS) return;
  warnedForwarders.add(peer);
  console.warn(
    `[rate-limit] A request from ${peer} carried X-Forwarded-For, which is ignored because ${peer} is not in TRUSTED_PROXIES. ` +
      `If Reignite runs behind a load balancer or reverse proxy at that address, add it to TRUSTED_PROXIES: otherwise every client behind it shares one sign-in rate limit.`,
  );
}

export function resetForwarderWarningsForTests(): void {
  warnedForwarders.clear();
}
