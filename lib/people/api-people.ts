import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { decideAccess, type Relation } from "@/lib/policy/rules";
import { relationTo } from "@/lib/policy";
import { radarForPerson, radarSubtree, type RadarSubtreePerson } from "@/lib/radar";
import { radarForOrg } from "@/lib/radar/org";
import { getDirectoryEntry, listDirectory, type DirectoryEntry } from "./directory";

export type ApiFlag = { code: string; severity: string; reason: string };
export type ApiPerson = {
  id: string;
  name: string;
  title: string;
  team: string;
  managerId: string | null;
  managerName: string | null;
  roleSince?: string;
  /** False: no role event dates the role, and roleSince is when they were added. */
  roleStartRecorded?: boolean;
  monthsInRole?: number;
  risk?: string;
  flags?: ApiFlag[];
  /** Only in a search, only for admins (who see deactivated members in the directory), only when true. */
  deactivated?: true;
};
export type ApiPeoplePage = { items: ApiPerson[]; page: number; limit: number; total: number; pages: number; scope: "org" | "subtree" | "directory" };

const fromRadar = (p: RadarSubtreePerson, self = false): ApiPerson => ({
  id: p.id,
  name: p.name,
  title: p.title,
  team: p.team,
  managerId: p.managerId,
  managerName: p.managerName,
  roleSince: p.roleSince,
  roleStartRecorded: p.roleStartRecorded,
  monthsInRole: p.monthsInRole,
  risk: p.risk,
  flags: p.flags.map((f) => ({ code: f.code, severity: f.severity, reason: self ? f.selfReason : f.reason })),
});

const fromDirectory = (d: DirectoryEntry): ApiPerson => ({
  id: d.id,
  name: d.name,
  title: d.title,
  team: d.team,
  managerId: d.managerId,
  managerName: d.managerName,
  ...(d.deactivated ? { deactivated: true as const } : {}),
});

/**
 * The people a viewer may see, as the API lists them: an admin gets the
 * org-wide radar (admin-visible flags), a manager their subtree with flags as
 * manager/skip-level, anyone else the directory without flags.
 */
export async function listPeopleForApi(db: Db, viewer: Viewer, opts: { page: number; limit: number; q?: string }): Promise<ApiPeoplePage> {
  const { page, limit } = opts;
  // A search is of the directory, the same for every role (the pickers' source: name, title, team, email).
  if (opts.q?.trim()) {
    const d = await listDirectory(db, viewer, { q: opts.q, page, pageSize: limit });
    return { items: d.items.map(fromDirectory), page, limit: d.pageSize, total: d.total, pages: d.pages, scope: "directory" };
  }
  if (viewer.role === "admin") {
    const r = await radarForOrg(db, viewer, { page, pageSize: limit });
    return { items: r.people.map((p) => fromRadar(p)), page, limit: r.pageSize, total: r.total, pages: r.pages, scope: "org" };
  }
  const sub = await radarSubtree(db, viewer);
  if (sub.length) {
    const total = sub.length;
    const slice = sub.slice((page - 1) * limit, page * limit);
    return { items: slice.map((p) => fromRadar(p)), page, limit, total, pages: Math.max(1, Math.ceil(total / limit)), scope: "subtree" };
  }
  const d = await listDirectory(db, viewer, { page, pageSize: limit });
  return { items: d.items.map(fromDirectory), page, limit: d.pageSize, total: d.total, pages: d.pages, scope: "directory" };
}

/** One person: the directory entry, plus flags and time in role when the viewer may read flags. */
export async function getPersonForApi(db: Db, viewer: Viewer, personId: string): Promise<ApiPerson> {
  const d = await getDirectoryEntry(db, viewer, personId); // directory: read, 404 otherwise
  const rel: Relation = await relationTo(db, viewer, personId);
  if (decideAccess("flags", "read", rel) !== "allow") return fromDirectory(d);
  const r = await radarForPerson(db, viewer, personId, rel);
  return r ? fromRadar(r, rel.self) : fromDirectory(d);
}
