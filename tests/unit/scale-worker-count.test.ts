import { describe, expect, it } from "vitest";
import { workerCount } from "@/lib/server/worker-count.mjs";

const pg = { DATABASE_URL: "postgres://db/reignite" };

describe("workerCount (npm start)", () => {
  it("runs one worker per core by default", () => {
    expect(workerCount(pg, 2)).toBe(2);
    expect(workerCount(pg, 8)).toBe(8);
  });
  it("takes WEB_CONCURRENCY when it is a positive integer", () => {
    expect(workerCount({ ...pg, WEB_CONCURRENCY: "1" }, 8)).toBe(1);
    expect(workerCount({ ...pg, WEB_CONCURRENCY: " 3 " }, 8)).toBe(3);
  });
  it("ignores a WEB_CONCURRENCY that is not a positive integer", () => {
    for (const v of ["0", "-2", "1.5", "two", "", "2e1"]) expect(workerCount({ ...pg, WEB_CONCURRENCY: v }, 4)).toBe(4);
  });
  it("runs one process on the embedded database, whatever is asked", () => {
    expect(workerCount({}, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "4" }, 8)).toBe(1);
    expect(workerCount({ DATABASE_URL: "", WEB_CONCURRENCY: "4" }, 8)).toBe(1);
  });
});
