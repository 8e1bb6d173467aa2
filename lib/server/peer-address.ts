import http from "node:http";

/**
 * The address of the TCP peer a request came from, as a request header the app
 * can read. Next.js hands pages, actions and route handlers only the request's
 * headers, and fills X-Forwarded-For with the socket's address only when the
 * client sent none: without a trusted proxy in front, the app could not tell a
 * client's own address from one it made up. So every rate limit by address
 * fell back to one bucket shared by all clients, and 50 wrong sign-ins from
 * anyone paused sign-in for everyone.
 *
 * Installed once per process by instrumentation.ts: every HTTP request gets
 * PEER_HEADER set from its socket before Next.js sees it, replacing whatever a
 * client sent under that name. Requests that arrive before it is installed
 * (the first health checks at start-up) simply have no peer address.
 */
export const PEER_HEADER = "x-reignite-peer";

type PeerGlobal = { __reignitePeerAddress?: boolean };
const g = globalThis as PeerGlobal;

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) → "192.0.2.1", so TRUSTED_PROXIES can name it either way. */
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

export function recordPeerAddresses(): void {
  if (g.__reignitePeerAddress) return;
  const emit = http.Server.prototype.emit;
  // Every server of this process (next start's, and the cluster's shared socket) goes through Server#emit("request").
  http.Server.prototype.emit = function emitWithPeer(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const address = req.socket?.remoteAddress;
      if (address) req.headers[PEER_HEADER] = normalizeAddress(address);
      else delete req.headers[PEER_HEADER];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  g.__reignitePeerAddress = true;
}

/** The peer address of a request, or null when this process does not record them (then the header, if any, is the client's and means nothing). */
export function peerAddressOf(headers: Headers): string | null {
  if (!g.__reignitePeerAddress) return null;
  const v = headers.get(PEER_HEADER);
  return v ? normalizeAddress(v) : null;
}
