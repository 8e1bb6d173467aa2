import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { notFound } from "@/lib/errors";
import { authorize, enforce, requireViewer, type Relation } from "@/lib/policy";

export type DirectoryEntry = {
  id: string;
  name: string;
  email: string;
  title: string;
  team: string;
  managerId: string | null;
  managerName: string | null;
  /**
   * Their manager on record was deactivated (kept until an admin reassigns them): shown as such, not as a
   * manager they can meet. Everyone who sees the entry may know it: a deactivated member leaves the directory.
   */
  managerDeactivated: boolean;
  role: "admin" | "member";
  deactivated: boolean;
};

export type DirectoryPage = { items: DirectoryEntry[]; total: number; page: number; pageSize: number; pages: number };

type Raw = {
  id: string;
  name: string;
  email: string;
  title: string;
  team: string;
  manager_id: string | null;
  manager_name: string | null;
  manager_deactivated: boolean | null;
  role: "admin" | "member";
  deactivated: boolean;
  total?: number;
};

const toEntry = (r: Raw): DirectoryEntry => ({
  id: r.id,
  name: r.name,
  email: r.email,
  title: r.title,
  team: r.team,
  managerId: r.manager_id,
  managerName: r.manager_name,
  managerDeactivated: !!r.manager_deactivated,
  role: r.role,
  deactivated: !!r.deactivated,
});

/**
 * The org directory (directory: read for every member): name, title, team,
 * manager; searchable, paginated, one query with the total. Deactivated
 * members are listed for admins only. The search matches name, title and
 * team, and for admins (who see emails) the email too: matching it for anyone
 * else would let them test colleagues' addresses, which ACCESS.md keeps out
 * of the directory. `lastPageIfPast` (pages, not the API,
 * whose clients page until a page comes back empty): a page past the end
 * shows the last one, as a link kept from before a search narrowed the list
 * would otherwise read as an empty organization; that costs a second
 * statement only then.
 */
export async function listDirectory(
  db: Db,
  viewer: Viewer | null,
  opts: { q?: string; team?: string; page?: number; pageSize?: number; lastPageIfPast?: boolean } = {},
): Promise<DirectoryPage> {
  const v = requireViewer(viewer);
  // The API's limit (up to 200): a search or an employee's list quietly came back with 100.
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 200);
  const page = Math.max(opts.page ?? 1, 1);
  const q = opts.q?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`m.org_id = ${v.orgId}
         ${v.role === "admin" ? sql`` : sql`AND m.deactivated_at IS NULL`}
         ${like ? sql`AND (u.name ILIKE ${like} OR m.title ILIKE ${like} OR m.team ILIKE ${like}${v.role === "admin" ? sql` OR u.email ILIKE ${like}` : sql``})` : sql``}
         ${opts.team ? sql`AND m.team = ${opts.team}` : sql``}`;
  const result = rows<Raw>(
    await db.execute(sql`
      SELECT m.id, u.name, u.email, m.title, m.team, m.manager_id, mu.name AS manager_name, (mm.deactivated_at IS NOT NULL) AS manager_deactivated, m.role,
             (m.deactivated_at IS NOT NULL) AS deactivated, count(*) OVER ()::int AS total
        FROM memberships m
        JOIN users u ON u.id = m.user_id
        LEFT JOIN memberships mm ON mm.id = m.manager_id AND mm.org_id = ${v.orgId}
        LEFT JOIN users mu ON mu.id = mm.user_id
       WHERE ${where}
       ORDER BY u.name, m.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
  );
  if (!result.length && page > 1 && opts.lastPageIfPast) {
    const [c] = rows<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE ${where}`),
    );
    const last = Math.max(1, Math.ceil(Number(c?.n ?? 0) / pageSize));
    if (last < page) return listDirectory(db, v, { ...opts, page: last, lastPageIfPast: false });
  }
  const total = Number(result[0]?.total ?? 0);
  return { items: result.map(toEntry), total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One directory entry (directory: read): 404 for other orgs and made-up ids. `rel` as for listRoleEvents. */
export async function getDirectoryEntry(db: Db, viewer: Viewer | null, personId: string, rel?: Relation): Promise<DirectoryEntry> {
  const v = requireViewer(viewer);
  if (rel) enforce(v, "directory", "read", rel, {}, personId);
  else await authorize(db, v, "directory", "read", personId);
  const [r] = rows<Raw>(
    await db.execute(sql`
      SELECT m.id, u.name, u.email, m.title, m.team, m.manager_id, mu.name AS manager_name, (mm.deactivated_at IS NOT NULL) AS manager_deactivated, m.role,
             (m.deactivated_at IS NOT NULL) AS deactivated
        FROM memberships m
        JOIN users u ON u.id = m.user_id
        LEFT JOIN memberships mm ON mm.id = m.manager_id AND mm.org_id = ${v.orgId}
        LEFT JOIN users mu ON mu.id = mm.user_id
       WHERE m.org_id = ${v.orgId} AND m.id = ${personId}`),
  );
  if (!r || (r.deactivated && v.role !== "admin")) throw notFound();
  return toEntry(r);
}

/** Distinct team names of the org (for filters and forms). */
export async function listTeams(db: Db, orgId: string): Promise<string[]> {
  const r = rows<{ team: string }>(
    await db.execute(sql`SELECT DISTINCT team FROM memberships WHERE org_id = ${orgId} AND team <> '' AND deactivated_at IS NULL ORDER BY team`),
  );
  return r.map((x) => x.team);
}
