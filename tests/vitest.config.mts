import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, ".."),
      // Domain code is marked server-only for Next; under vitest it simply runs on the server.
      "server-only": path.resolve(import.meta.dirname, "helpers/empty.ts"),
    },
  },
  root: path.resolve(import.meta.dirname, ".."),
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    pool: "forks",
    // The files wait on PostgreSQL most of the time (each copies a template database, then runs queries): on two
    // cores, vitest's default of one worker left a core idle. Two workers took 55 s instead of 107 s (session 21).
    maxWorkers: Math.max(2, os.availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
  },
});
