import { randomBytes } from "node:crypto";
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
 * (next start listens before it runs instrumentation) have no peer address:
 * stamped values carry a per-process secret, so a header a client sent then
 * is not taken for one.
 */
export const PEER_HEADER = "x-reignite-peer";

type PeerGlobal = { __reignitePeerAddress?: boolean; __reignitePeerNonce?: string };
const g = globalThis as PeerGlobal;

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) → "192.0.2.1", so TRUSTED_PROXIES can name it either way. */
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

export function recordPeerAddresses(): void {
  if (g.__reignitePeerAddress) return;
  // Stamped values carry a secret of this process: a request that arrived before this was installed (next start
  // listens before it runs instrumentation) still holds whatever the client sent under PEER_HEADER, and must not
  // count as a peer address when it is handled afterwards.
  const nonce = (g.__reignitePeerNonce = randomBytes(12).toString("base64url"));
  const emit = http.Server.prototype.emit;
  // Every server of this process (next start's, and the cluster's shared socket) goes through Server#emit("request").
  http.Server.prototype.emit = function emitWithPeer(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const address = req.socket?.remoteAddress;
      if (address) req.headers[PEER_HEADER] = `${nonce} ${normalizeAddress(address)}`;
      else delete req.headers[PEER_HEADER];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  g.__reignitePeerAddress = true;
}

/** The peer address of a request, or null when this process does not record them (then the header, if any, is the client's and means nothing). */
export function peerAddressOf(headers: Headers): string | null {
  const nonce = g.__reignitePeerNonce;
  if (!g.__reignitePeerAddress || !nonce) return null;
  const v = headers.get(PEER_HEADER);
  return v && v.startsWith(`${nonce} `) ? normalizeAddress(v.slice(nonce.length + 1)) : null;
}
