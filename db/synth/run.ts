/**
 * The synth pipeline on one connection (temp table and pg_temp helpers are
 * per session): the tree from tree.ts, then one set-based INSERT … SELECT per
 * table, then VACUUM (ANALYZE). Used by `npm run db:synth` and by tests.
 */
import type postgres from "postgres";
import { hashPassword } from "../../lib/auth/password";
import { SYNTH_PASSWORD } from "./accounts";
import { synthContext } from "./context";
import { connectionsSql, goalsSql, goalUpdatesSql, learningSql, purposeSql, skillsSql, winsSql } from "./growth.sql";
import { actionItemsSql, agendaSql, meetingsSql, notesSql } from "./meetings.sql";
import { membershipsSql, organizationSql, peopleTempSql, roleEventsSql, rotationsSql, usersSql } from "./people.sql";
import { pulseSql, stuckSql } from "./signals.sql";
import { tempFunctions } from "./sql-helpers";
import { buildTree } from "./tree";

export type SynthOptions = { people: number; seed: number; now: Date };

export async function synthesize(client: postgres.Sql, opts: SynthOptions, log: (line: string) => void = () => {}): Promise<void> {
  const tree = buildTree(opts.people, opts.seed);
  const passwordHash = await hashPassword(SYNTH_PASSWORD);
  const c = synthContext(opts.now);

  await client.unsafe("DROP TABLE IF EXISTS sp");
  await client.unsafe(`SET synchronous_commit = off; SET work_mem = '128MB'; SET maintenance_work_mem = '256MB'; ${tempFunctions(opts.seed)}`);
  // The radar facts triggers stand aside until the end (migration 0002): one refresh of everyone then.
  await client.unsafe("SET reignite.defer_radar_facts = on");

  const step = async (name: string, text: string, params: unknown[] = []) => {
    const t0 = Date.now();
    const res = await client.unsafe(text, params as never[]);
    const n = (res as unknown as { count?: number }).count;
    log(`  ${name.padEnd(22)} ${String(n ?? "").padStart(9)} rows  ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  };

  await step("organization", organizationSql(c));
  await step("people (temp)", peopleTempSql(c), [
    tree.map((p) => p.idx),
    tree.map((p) => p.managerIdx),
    tree.map((p) => p.depth),
    tree.map((p) => p.first),
    tree.map((p) => p.last),
    tree.map((p) => p.email),
    tree.map((p) => p.title),
    tree.map((p) => p.team),
    tree.map((p) => (p.admin ? "true" : "false")),
  ]);
  await client.unsafe("CREATE UNIQUE INDEX ON sp (idx); ANALYZE sp");
  await step("users", usersSql(), [passwordHash]);
  await step("memberships", membershipsSql(c));
  await step("role_events", roleEventsSql(c));
  await step("rotations (+events)", rotationsSql(c));
  await step("purpose_statements", purposeSql(c));
  await step("stretch_goals", goalsSql(c));
  await step("stretch_goal_updates", goalUpdatesSql(c));
  await step("learning_items", learningSql(c));
  await step("skills", skillsSql(c));
  await step("wins", winsSql(c));
  await step("connections", connectionsSql(c, opts.people));
  await step("meetings", meetingsSql(c));
  await step("agenda_items", agendaSql(c));
  await step("notes", notesSql(c));
  await step("action_items", actionItemsSql(c));
  await step("pulse_checkins", pulseSql(c));
  await step("stuck_signals", stuckSql(c));
  await step("vacuum analyze", "VACUUM (ANALYZE)");
  await client.unsafe("RESET reignite.defer_radar_facts");
  await step("radar_facts", `SELECT radar_facts_refresh(array_agg(id)) FROM memberships WHERE org_id = ${c.orgId}`);
  await client.unsafe("ANALYZE radar_facts");
  await client.unsafe("DROP TABLE IF EXISTS sp");
}
