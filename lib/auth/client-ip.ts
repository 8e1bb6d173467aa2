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
  const trusted = env().TRUSTED_PROXIES.split(",").map((s) => normalizeAddress(s)).filter(Boolean);
  const peer = peerAddressOf(headers);
  if (peer && !trusted.includes(peer)) return peer;
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
