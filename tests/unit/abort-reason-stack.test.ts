/**
 * An aborted signal must not keep alive what the aborting code's callers
 * held (lib/server/abort-reason-stack.ts): the Error's unread stack holds each
 * frame's receiver, here the setImmediate the abort ran in.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { releaseAbortReasonStacks } from "@/lib/server/abort-reason-stack";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Aborts a signal inside an immediate whose object carries a payload; returns the (kept) controller and a weak ref to the payload. */
function abortInsideImmediate(): Promise<{ controller: AbortController; payload: WeakRef<object> }> {
  return new Promise((resolve) => {
    const payload = { request: new Array(1000).fill("state of a finished request") };
    const immediate = setImmediate(function (this: NodeJS.Immediate) {
      const controller = new AbortController();
      controller.abort(new Error("This render completed successfully."));
      resolve({ controller, payload: new WeakRef(payload) });
    }) as NodeJS.Immediate & { payload?: object };
    immediate.payload = payload;
  });
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5 && ref.deref(); i++) {
    await new Promise((r) => setImmediate(r));
    gc();
  }
  return ref.deref() === undefined;
}

describe("the reason of an aborted signal", () => {
  it("keeps what its stack's frames held while the stack is unread (the leak)", async () => {
    const { controller, payload } = await abortInsideImmediate();
    expect(await collected(payload)).toBe(false);
    expect(controller.signal.aborted).toBe(true);
  });

  it("holds nothing once releaseAbortReasonStacks is installed, and still aborts with the same reason", async () => {
    releaseAbortReasonStacks();
    const { controller, payload } = await abortInsideImmediate();
    expect(await collected(payload)).toBe(true);
    expect(controller.signal.aborted).toBe(true);
    expect((controller.signal.reason as Error).message).toBe("This render completed successfully.");
    expect((controller.signal.reason as Error).stack).toContain("This render completed successfully.");
  });
});
