/**
 * Database sockets opened outside any request's async context.
 *
 * Node's AsyncLocalStorage stamps every async resource with the stores of the
 * context that created it. postgres.js opens a connection lazily, inside the
 * request that first needs it, so the connection's TCP handle — alive for as
 * long as the pool keeps it — would hold that request's stores (Next.js's
 * and React's per-request state) for good. React's Flight renderer ends every
 * render by aborting a signal with an Error whose captured stack reaches the
 * setImmediate batch it ran in, and that batch links to the immediates of the
 * requests rendered alongside: from one held request, every later one stayed
 * reachable. Measured under load on /team?view=subtree: the heap after each
 * full GC grew by ~50 KB per request (60 → 181 MB in a minute) until the
 * process would run out of memory. Opened in a scope created at start-up
 * (instrumentation.ts), the sockets hold no request. The other half of the
 * fix, for roots we do not own: lib/server/abort-reason-stack.ts.
 */
import { AsyncResource } from "node:async_hooks";
import net from "node:net";

const g = globalThis as unknown as { __reigniteRootScope?: AsyncResource };

/** Called once at server start-up, before any request: the scope sockets are opened in. */
export function captureRootScope(): void {
  g.__reigniteRootScope ??= new AsyncResource("reignite.db-root");
}

type SocketOptions = { host: string[]; port: number[]; path?: string | false };

function open(o: SocketOptions): net.Socket {
  // Returned while still connecting, as postgres.js's own socket is: it writes the startup
  // message (buffered until connected), times the whole handshake out (connect_timeout), and
  // its 'error' and 'close' handlers — attached before any I/O can fail — return the
  // connection to the pool. (A socket that failed before being handed over would leave its
  // pool slot stuck "connecting" for good.)
  return o.path ? net.connect(o.path) : net.connect(o.port[0] ?? 5432, o.host[0] ?? "localhost");
}

/**
 * postgres.js `socket` option: a socket opened in the start-up scope when
 * there is one (the server), else where called (scripts, tests). Only the
 * first host of a multi-host URL is used.
 */
export function detachedSocket(o: SocketOptions): net.Socket {
  const root = g.__reigniteRootScope;
  return root ? root.runInAsyncScope(open, null, o) : open(o);
}
