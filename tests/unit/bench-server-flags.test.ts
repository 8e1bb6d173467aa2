import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startScriptNodeFlags } from "../bench/server";

const pkg = (start: string) => JSON.stringify({ scripts: { start } });

describe("the bench starts the server with npm start's Node.js flags", () => {
  it("reads the flags between node and lib/server/cluster.mjs", () => {
    expect(startScriptNodeFlags(pkg("node lib/server/cluster.mjs"))).toEqual([]);
    expect(startScriptNodeFlags(pkg("node --max-semi-space-size=64 lib/server/cluster.mjs"))).toEqual(["--max-semi-space-size=64"]);
    expect(startScriptNodeFlags(pkg("node --a=1  --b lib/server/cluster.mjs -p 3000"))).toEqual(["--a=1", "--b"]);
  });

  it("refuses a start script it cannot mirror rather than benching something else", () => {
    expect(() => startScriptNodeFlags(pkg("next start"))).toThrow(/start script/);
    expect(() => startScriptNodeFlags(pkg("NODE_ENV=production node lib/server/cluster.mjs"))).toThrow(/start script/);
    expect(() => startScriptNodeFlags(JSON.stringify({}))).toThrow(/start script/);
  });

  it("this checkout's npm start gives V8 a young generation sized for rendering (README Performance)", () => {
    expect(startScriptNodeFlags(readFileSync("package.json", "utf8"))).toContain("--max-semi-space-size=64");
  });
});
