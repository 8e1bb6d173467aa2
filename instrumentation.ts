/**
 * Runs once per server process before it serves a request. On the embedded
 * database it applies migrations and, on an empty database, loads the demo
 * data so `npm run dev` works on a fresh machine with no setup.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: every request from here on carries its TCP peer's address, for rate limits by client address.
  const { recordPeerAddresses } = await import("./lib/server/peer-address");
  recordPeerAddresses();
  // Before any request: the async scope database sockets are opened in (db/socket.ts),
  // and no aborted render's Error keeps its request alive (lib/server/abort-reason-stack.ts).
  const [{ captureRootScope }, { releaseAbortReasonStacks }] = await Promise.all([import("./db/socket"), import("./lib/server/abort-reason-stack")]);
  captureRootScope();
  releaseAbortReasonStacks();
  const { bootstrap } = await import("./lib/bootstrap");
  await bootstrap();
}
