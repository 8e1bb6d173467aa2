/**
 * The synthetic accounts the benchmark signs in as, found in the database
 * (so `npm run bench` needs nothing from the synth run but the database):
 * a manager with exactly 8 direct reports who are all individual contributors,
 * the manager whose subtree is closest to 400 people, a non-manager admin, and
 * one of the manager's reports with the longest 1:1 history.
 */
import type postgres from "postgres";
import { SYNTH_EMAIL_DOMAIN } from "./tree";

export const SYNTH_PASSWORD = "reignite-synth";

export type SynthAccount = { email: string; name: string; personId: string; detail: string };
export type SynthAccounts = {
  orgId: string;
  people: number;
  manager: SynthAccount;
  director: SynthAccount;
  admin: SynthAccount;
  report: SynthAccount;
  /** The most recent held 1:1 of manager and report. */
  meetingId: string;
  meetings: number;
};

type Row = { id: string; email: string; name: string; n: number };

export async function findSynthAccounts(sql: postgres.Sql): Promise<SynthAccounts> {
  const [org] = await sql<{ id: string; people: number }[]>`
    SELECT o.id, (SELECT count(*)::int FROM memberships m WHERE m.org_id = o.id) AS people
      FROM organizations o WHERE o.slug = 'synth'`;
  if (!org) throw new Error("No synthetic organization (slug 'synth') in this database: run `npm run db:synth` first.");
  const orgId = org.id;
  const domain = `%@${SYNTH_EMAIL_DOMAIN}`;

  const [manager] = await sql<Row[]>`
    SELECT m.id, u.email, u.name, count(r.id)::int AS n
      FROM memberships m JOIN users u ON u.id = m.user_id
      JOIN memberships r ON r.org_id = m.org_id AND r.manager_id = m.id
     WHERE m.org_id = ${orgId} AND u.email LIKE ${domain} AND m.role = 'member'
       AND NOT EXISTS (SELECT 1 FROM memberships x JOIN memberships r2 ON r2.id = x.manager_id
                        WHERE x.org_id = m.org_id AND r2.manager_id = m.id)
     GROUP BY m.id, u.email, u.name HAVING count(r.id) = 8
     ORDER BY u.email LIMIT 1`;

  const [director] = await sql<Row[]>`
    WITH RECURSIVE below AS (
      SELECT m.manager_id AS top, m.id FROM memberships m WHERE m.org_id = ${orgId} AND m.manager_id IS NOT NULL
      UNION ALL
      SELECT b.top, m.id FROM below b JOIN memberships m ON m.manager_id = b.id AND m.org_id = ${orgId}
    )
    SELECT d.id, u.email, u.name, count(*)::int AS n
      FROM below b JOIN memberships d ON d.id = b.top JOIN users u ON u.id = d.user_id
     WHERE d.role = 'member'
     GROUP BY d.id, u.email, u.name
     ORDER BY abs(count(*) - 400), u.email LIMIT 1`;

  const [admin] = await sql<Row[]>`
    SELECT m.id, u.email, u.name, 0 AS n FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.org_id = ${orgId} AND m.role = 'admin'
     ORDER BY (SELECT count(*) FROM memberships r WHERE r.manager_id = m.id AND r.org_id = m.org_id), u.email LIMIT 1`;

  if (!manager || !director || !admin) throw new Error("The synthetic organization lacks a manager of 8, a director or an admin.");

  const [report] = await sql<(Row & { meeting_id: string })[]>`
    SELECT r.id, u.email, u.name, count(*)::int AS n,
           (array_agg(mt.id ORDER BY mt.scheduled_at DESC) FILTER (WHERE mt.status = 'held'))[1] AS meeting_id
      FROM memberships r JOIN users u ON u.id = r.user_id
      JOIN meetings mt ON mt.org_id = r.org_id AND mt.report_id = r.id AND mt.manager_id = r.manager_id
     WHERE r.org_id = ${orgId} AND r.manager_id = ${manager.id}
     GROUP BY r.id, u.email, u.name ORDER BY count(*) DESC, u.email LIMIT 1`;
  if (!report?.meeting_id) throw new Error("The 8-report manager has no 1:1 history.");

  return {
    orgId,
    people: org.people,
    manager: { email: manager.email, name: manager.name, personId: manager.id, detail: `manager of ${manager.n} direct reports` },
    director: { email: director.email, name: director.name, personId: director.id, detail: `${director.n} people below them` },
    admin: { email: admin.email, name: admin.name, personId: admin.id, detail: "org admin" },
    report: { email: report.email, name: report.name, personId: report.id, detail: `${report.n} 1:1s with ${manager.name}` },
    meetingId: report.meeting_id,
    meetings: report.n,
  };
}
