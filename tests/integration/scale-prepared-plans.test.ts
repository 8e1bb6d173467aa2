/**
 * Statements are sent as named prepared statements (DB_PREPARED_STATEMENTS,
 * on by default), so PostgreSQL can keep their plans: the hot radar and
 * stuck-signal statements reach a cached generic plan after its five trial
 * runs instead of being planned again on every request (planning the radar's
 * LATERAL query costs more than running it for a small team). With prepared
 * statements off, pg_prepared_statements is empty and this fails. Whether the
 * planner keeps choosing generic plans on a large organization depends on the
 * data, so `npm run bench:explain` checks that on the synthetic one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { radarForManager, radarSubtree } from "@/lib/radar";
import { openSignalsForViewer, listVisibleSignals } from "@/lib/stuck/signals";
import { onPostgres, setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
const poolBefore = process.env.DB_POOL_MAX;
beforeAll(async () => {
  process.env.DB_POOL_MAX = "1"; // one connection, so pg_prepared_statements below is the one the queries ran on
  db = await setupTestDb({ demo: true });
});
afterAll(async () => {
  await teardownTestDb();
  if (poolBefore === undefined) delete process.env.DB_POOL_MAX;
  else process.env.DB_POOL_MAX = poolBefore;
});

type Prepared = { statement: string; generic_plans: number; custom_plans: number };

describe.runIf(onPostgres)("prepared statements and cached plans (PostgreSQL)", () => {
  it("the radar (direct and subtree) and the signals statements run on generic plans after the trial runs", async () => {
    const dana = await viewerFor(db, "dana@acme.example");
    const ada = await viewerFor(db, "ada@acme.example");
    for (let i = 0; i < 8; i++) {
      await radarForManager(db, dana);
      await radarSubtree(db, dana);
      await openSignalsForViewer(db, dana);
      await listVisibleSignals(db, ada, { openOnly: true, includeOwn: false, audit: false });
      await listVisibleSignals(db, dana, { personId: dana.personId, audit: false }); // /me: one's own
    }
    const prepared = rows<Prepared>(
      await db.execute(sql`SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements`),
    );
    const find = (needle: string, extra: (s: string) => boolean = () => true) =>
      prepared.filter((p) => p.statement.includes(needle) && extra(p.statement));
    const direct = find("WITH scope AS (SELECT m.id, 1 AS depth");
    const subtree = find("WITH RECURSIVE sub AS");
    const signals = [...find("WITH RECURSIVE below AS"), ...find("WITH rel AS (SELECT NULL::uuid")];
    expect(direct, "the direct-team radar statement is prepared").toHaveLength(1);
    expect(subtree, "the subtree radar statement is prepared").toHaveLength(1);
    expect(signals.length, "the signal statements are prepared").toBeGreaterThan(1);
    for (const p of [...direct, ...subtree, ...signals]) {
      expect(p.generic_plans, p.statement.slice(0, 120)).toBeGreaterThan(0);
      expect(p.custom_plans, p.statement.slice(0, 120)).toBeLessThanOrEqual(5);
    }
  });
});
