/**
 * Stops aborted signals from keeping finished requests alive.
 *
 * React's Flight renderer ends every render with
 * `request.cacheController.abort(Error("This render completed successfully…"))`.
 * Until something reads its `stack`, V8 keeps that Error's stack as call-site
 * records that hold each frame's receiver, and one of them is the
 * `setImmediate` the render finished in. Node leaves the immediates of one
 * tick linked to each other after they run, and each carries the async
 * context (the request) that scheduled it. So one request's Error reaches
 * the requests rendered alongside it, their Errors reach the next ones, and
 * any long-lived object created during some request (a lazily loaded module,
 * a pooled connection, a timer) made every later request reachable: the heap
 * after a full GC grew by ~60 KB per request under load, without bound.
 * Reading `stack` when the signal is aborted turns those records into a
 * string, which holds nothing.
 */
const g = globalThis as unknown as { __reigniteAbortReasonStack?: boolean };

export function releaseAbortReasonStacks(): void {
  if (g.__reigniteAbortReasonStack) return;
  g.__reigniteAbortReasonStack = true;
  const abort = AbortController.prototype.abort;
  AbortController.prototype.abort = function (this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    return abort.call(this, reason);
  };
}
