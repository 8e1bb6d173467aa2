import { env } from "@/lib/env";

/**
 * The client address for rate limiting. X-Forwarded-For is trusted only when
 * TRUSTED_PROXIES is configured: otherwise anyone could reset their limit by
 * sending a made-up header. Without a trusted proxy, all requests share the
 * "direct" bucket for the per-IP limit (the per-account limit still applies).
 */
export function clientIp(headers: Headers): string {
  const trusted = env().TRUSTED_PROXIES.split(",").map((s) => s.trim()).filter(Boolean);
  const xff = headers.get("x-forwarded-for");
  if (trusted.length && xff) {
    const hops = xff.split(",").map((s) => s.trim()).filter(Boolean);
    // Walk from the right, skipping our own proxies; the first other address is the client.
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (!trusted.includes(hop)) return hop;
    }
  }
  return headers.get("x-real-ip") && trusted.length ? headers.get("x-real-ip")! : "direct";
}
