import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, memberships, roleEvents, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError } from "@/lib/errors";
import { authorizeOrg } from "@/lib/policy";
import { readImportCsv, type HeaderReport, type ImportRow } from "./csv-rows";
import { CHANGED_SINCE_PREVIEW } from "./import-messages";
import { roleOutcome, type RoleHistory } from "./csv-role-start";
import { closeTeamName, foldTeamName } from "@/lib/radar/team-names";
import { createsCycle, peopleInCycles } from "./cycle";
import { followManagerChanges, lockReportingLines } from "./structure";

/** `notes`: what the row asked for and the import will not do, and why (never an error). */
export type PlannedRow = ImportRow & { action: "create" | "update" | "unchanged"; changes: string[]; notes: string[] };
export type ImportPlan = {
  rows: PlannedRow[];
  fileError: string | null;
  valid: boolean;
  counts: Record<PlannedRow["action"], number>;
  headers: HeaderReport | null;
  /** What the import would write, as a digest: the Import button sends the one of the preview the admin saw. */
  fingerprint: string;
};

/**
 * The digest of what a plan would do, row by row. An import whose plan differs from the preview the admin looked
 * at (the file was edited after it, or someone changed a person it touches meanwhile) would write something nobody
 * had seen: it is stopped and shown instead.
 */
function fingerprintOf(rows: PlannedRow[], fileError: string | null): string {
  const what = rows.map((r) => [r.line, r.email, r.name, r.title, r.team, r.managerEmail, r.action, r.changes, r.errors]);
  return createHash("sha256").update(JSON.stringify([fileError, what])).digest("base64url");
}

/** Batches of 1,000 rows keep each statement under PostgreSQL's 65,535 parameters. */
function chunks<T>(list: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** `name`: the account's, shared by every organization the person is in; an import never writes it (see planImport). */
type Existing = { id: string; email: string; name: string; title: string; team: string; managerId: string | null; deactivated: boolean };

async function loadOrg(db: Db, orgId: string): Promise<Existing[]> {
  const r = await db
    .select({
      id: memberships.id,
      email: sql<string>`lower(${users.email})`,
      name: users.name,
      title: memberships.title,
      team: memberships.team,
      managerId: memberships.managerId,
      deactivatedAt: memberships.deactivatedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId));
  return r.map(({ deactivatedAt, ...x }) => ({ ...x, deactivated: !!deactivatedAt }));
}

/** The role event dates of these members, for roleOutcome. */
async function loadRoleHistory(db: Db, orgId: string, ids: string[]): Promise<(id: string) => RoleHistory> {
  const byPerson = new Map<string, Set<string>>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectDistinct({ personId: roleEvents.personId, on: roleEvents.effectiveOn })
      .from(roleEvents)
      .where(and(eq(roleEvents.orgId, orgId), inArray(roleEvents.personId, part)));
    for (const r of rows) byPerson.set(r.personId, (byPerson.get(r.personId) ?? new Set()).add(r.on));
  }
  return (id) => {
    const dates = byPerson.get(id) ?? new Set<string>();
    return { dates, latest: [...dates].sort().at(-1) ?? null };
  };
}

/**
 * Emails of the file that already belong to someone in another organization.
 * An import must not attach an existing account to this organization: that
 * person never agreed to join, would land here at sign-in, and this org's
 * admins could then act on their account (reactivating a membership signs the
 * account out everywhere). They join through an invitation, with their password.
 */
async function accountsElsewhere(db: Db, orgId: string, emails: string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const found = await db
    .selectDistinct({ email: sql<string>`lower(${users.email})` })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(inArray(sql`lower(${users.email})`, emails), sql`${memberships.orgId} <> ${orgId}`));
  return new Set(found.map((f) => f.email));
}

/**
 * Checks a whole file against the organization and says, per row, what an
 * import would do. Nothing is written. Rows are matched to members by email.
 */
export async function planImport(db: Db, viewer: Viewer | null, text: string, now = new Date()): Promise<ImportPlan> {
  const v = authorizeOrg(viewer, "orgAdmin", "write");
  const today = now.toISOString().slice(0, 10);
  const { rows, fileError, columns, headers } = readImportCsv(text, today);
  const counts = { create: 0, update: 0, unchanged: 0 };
  if (fileError) return { rows: [], fileError, valid: false, counts, headers, fingerprint: fingerprintOf([], fileError) };
  const existing = await loadOrg(db, v.orgId);
  const byEmail = new Map(existing.map((e) => [e.email, e]));
  // A column the file leaves out keeps what members have: a list of names and emails must not
  // blank everyone's title and team, or take everyone's manager away.
  const emailById = new Map(existing.map((e) => [e.id, e.email]));
  for (const r of rows) {
    const cur = byEmail.get(r.email);
    if (!cur) continue;
    if (!columns.has("title")) r.title = cur.title;
    if (!columns.has("team")) r.team = cur.team;
    if (!columns.has("managerEmail")) r.managerEmail = cur.managerId ? (emailById.get(cur.managerId) ?? "") : "";
  }
  // Team names as the organization spells them ("platform" → "Platform"), and one spelling per new team within
  // the file. A member's own team re-spelled ("Platform" for their "platform") is a correction, kept as typed, unless
  // others in that team spell it otherwise: then it is theirs, and importing the same file again changes nothing.
  const members = new Map<string, number>();
  for (const e of existing) if (!e.deactivated && e.team) members.set(e.team, (members.get(e.team) ?? 0) + 1);
  const spellings = [...members.keys()];
  const respelled = new Map<ImportRow, string>();
  for (const r of rows) {
    const cur = byEmail.get(r.email);
    if (!r.team || (cur && r.team === cur.team)) continue;
    const ownRespelled = cur && foldTeamName(cur.team) === foldTeamName(r.team);
    const others = ownRespelled ? spellings.filter((t) => (members.get(t) ?? 1) - (t === cur.team && !cur.deactivated ? 1 : 0) > 0) : spellings;
    const spelled = closeTeamName(r.team, others);
    if (spelled) {
      respelled.set(r, r.team);
      r.team = spelled;
    } else if (!spellings.includes(r.team)) spellings.push(r.team);
  }
  const idOf = (email: string) => byEmail.get(email)?.id ?? `new:${email}`;

  // The reporting lines after the import: everyone's current manager, overridden by the file.
  const fileEmails = new Set(rows.map((r) => r.email));
  const managerOf = new Map<string, string | null>(existing.map((e) => [e.id, e.managerId]));
  for (const r of rows) {
    if (!r.email) continue;
    const mgr = r.managerEmail ? (byEmail.has(r.managerEmail) || fileEmails.has(r.managerEmail) ? idOf(r.managerEmail) : null) : null;
    managerOf.set(idOf(r.email), mgr);
  }
  const inCycle = peopleInCycles(managerOf);
  const elsewhere = await accountsElsewhere(db, v.orgId, rows.filter((r) => r.email && !byEmail.has(r.email)).map((r) => r.email));
  const historyOf = await loadRoleHistory(db, v.orgId, rows.flatMap((r) => byEmail.get(r.email)?.id ?? []));

  const planned = rows.map((r): PlannedRow => {
    const p: PlannedRow = { ...r, errors: [...r.errors], action: "unchanged", changes: [], notes: [] };
    const typedTeam = respelled.get(r);
    if (typedTeam !== undefined) p.notes.push(`Team “${typedTeam}” is written “${r.team}”, as the organization already spells it.`);
    if (r.managerEmail && r.managerEmail !== r.email) {
      const m = byEmail.get(r.managerEmail);
      if (!m && !fileEmails.has(r.managerEmail)) p.errors.push(`Unknown manager: ${r.managerEmail} is neither a member nor in this file.`);
      else if (m?.deactivated) p.errors.push(`Manager ${r.managerEmail} is deactivated.`);
      else if (r.email && inCycle.has(idOf(r.email))) p.errors.push(`Reporting loop: ${r.managerEmail} (directly or further up) reports to ${r.email}.`);
    }
    const cur = byEmail.get(r.email);
    if (!cur && elsewhere.has(r.email)) {
      p.action = "create";
      p.errors.push(`${r.email} already uses Reignite in another organization: invite them instead (above), so they join with their own account.`);
    } else if (!cur) {
      p.action = "create";
      p.changes.push("new member");
      const role = roleOutcome(r, null, historyOf(""), today);
      if (role.change) p.changes.push(role.change);
    } else {
      // A name belongs to the person's account, the same in each of their organizations, so an import (of one of
      // them) leaves it as saved. The row shows the saved name and says so, rather than the file's beside "unchanged".
      if (r.name !== cur.name) {
        p.notes.push(`Name stays “${cur.name}”: names of existing members are not changed by an import (the file says “${r.name}”).`);
        p.name = cur.name;
      }
      if (cur.deactivated) p.errors.push(`${r.email} is deactivated; reactivate them before importing.`);
      // A title change restarts time in role and is recorded as a role event: it must say the title (as on the person page).
      if (r.title !== cur.title && !r.title) p.errors.push("Title is empty: give the new title, or leave the title column out to keep everyone's.");
      else if (r.title !== cur.title) p.changes.push(`title → ${r.title}`);
      if (r.team !== cur.team) p.changes.push(`team → ${r.team || "(none)"}`);
      const newMgr = r.managerEmail ? idOf(r.managerEmail) : null;
      if (newMgr !== cur.managerId) p.changes.push(`manager → ${r.managerEmail || "(none)"}`);
      if (r.title || r.title === cur.title) { // an emptied title is refused above
        const role = roleOutcome(r, cur, historyOf(cur.id), today);
        if (role.error) p.errors.push(role.error);
        if (role.change) p.changes.push(role.change);
        if (role.note) p.notes.push(role.note);
      }
      p.action = p.changes.length ? "update" : "unchanged";
    }
    counts[p.action] += 1;
    return p;
  });
  return { rows: planned, fileError: null, valid: planned.every((r) => r.errors.length === 0), counts, headers, fingerprint: fingerprintOf(planned, null) };
}

/**
 * Imports a whole file or nothing: the plan is re-checked inside one
 * transaction. Re-importing the same file changes nothing: members match by
 * email, unchanged fields are not written, and role events are only those the
 * preview named (roleOutcome), which a second run finds already recorded.
 * `withoutSignIn`: members it created who have no password yet and no open
 * invitation, so cannot sign in until they are invited.
 */
export type ImportResult = ImportPlan & { roleEventsAdded: number; withoutSignIn: number };

export async function applyImport(db: Db, viewer: Viewer | null, text: string, now = new Date(), opts: { previewed?: string } = {}): Promise<ImportResult> {
  const v = authorizeOrg(viewer, "orgAdmin", "write");
  const plan = await planImport(db, v, text, now);
  if (!plan.valid) {
    throw new AppError(422, "validation_failed", plan.fileError ?? "Nothing was imported: fix the rows with errors first.", undefined, { plan });
  }
  if (opts.previewed !== undefined && opts.previewed !== plan.fingerprint) {
    throw new AppError(409, "conflict", CHANGED_SINCE_PREVIEW, undefined, { plan });
  }
  const today = now.toISOString().slice(0, 10);
  const { roleEventsAdded, withoutSignIn } = await db.transaction(async (tx) => {
    let withoutSignIn = 0;
    await lockReportingLines(tx, v.orgId);
    const existing = await loadOrg(tx as unknown as Db, v.orgId);
    const idByEmail = new Map(existing.map((e) => [e.email, e.id]));
    const current = new Map(existing.map((e) => [e.id, e]));
    const toCreate = plan.rows.filter((r) => !idByEmail.has(r.email));
    if ((await accountsElsewhere(tx as unknown as Db, v.orgId, toCreate.map((r) => r.email))).size) {
      throw new AppError(409, "conflict", "Someone in this file joined another organization meanwhile; check the file again.");
    }
    if (toCreate.length) {
      const emails = toCreate.map((r) => r.email);
      const known = await tx.select({ id: users.id, email: sql<string>`lower(${users.email})` }).from(users).where(inArray(sql`lower(${users.email})`, emails));
      const userIds = new Map(known.map((u) => [u.email, u.id]));
      const newUsers = toCreate.filter((r) => !userIds.has(r.email)).map((r) => ({ email: r.email, name: r.name }));
      for (const part of chunks(newUsers)) {
        // An invitation accepted at this moment may create one of these accounts first: that is a 409, not a 500.
        const made = await tx.insert(users).values(part).onConflictDoNothing().returning({ id: users.id, email: users.email });
        if (made.length < part.length) throw new AppError(409, "conflict", "Someone in this file joined Reignite meanwhile; check the file again.");
        for (const u of made) userIds.set(u.email, u.id);
      }
      const created: { id: string; userId: string }[] = [];
      for (const part of chunks(toCreate)) {
        created.push(
          ...(await tx
            .insert(memberships)
            .values(part.map((r) => ({ orgId: v.orgId, userId: userIds.get(r.email)!, title: r.title, team: r.team })))
            .returning({ id: memberships.id, userId: memberships.userId })),
        );
      }
      const emailOfUser = new Map([...userIds].map(([e, id]) => [id, e]));
      for (const c of created) idByEmail.set(emailOfUser.get(c.userId)!, c.id);
      for (const part of chunks(created)) {
        // Someone whose invitation is still open joins through it (the link attaches to this record): not "without
        // a sign-in", which told the admin to invite them again and so end the link already sent.
        const [n] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
          .where(
            and(
              inArray(users.id, part.map((c) => c.userId)),
              isNull(users.passwordHash),
              sql`NOT EXISTS (SELECT 1 FROM invitations i WHERE i.org_id = ${v.orgId} AND lower(i.email) = lower(${users.email})
                               AND i.accepted_at IS NULL AND i.expires_at > now())`,
            ),
          );
        withoutSignIn += n?.n ?? 0;
      }
    }

    // Re-check loops against the rows as they are now, inside the transaction.
    const managerOf = new Map<string, string | null>(existing.map((e) => [e.id, e.managerId]));
    for (const r of plan.rows) managerOf.set(idByEmail.get(r.email)!, r.managerEmail ? idByEmail.get(r.managerEmail)! : null);
    for (const r of plan.rows) {
      const id = idByEmail.get(r.email)!;
      const mgr = managerOf.get(id) ?? null;
      managerOf.set(id, null);
      if (createsCycle(managerOf, id, mgr)) throw new AppError(409, "conflict", "The reporting lines changed while importing; check the file again.");
      managerOf.set(id, mgr);
    }

    const events: (typeof roleEvents.$inferInsert)[] = [];
    const managerChanges: { id: string; from: string | null; to: string | null }[] = [];
    const changedRows: { id: string; title: string; team: string; managerId: string | null }[] = [];
    const historyOf = await loadRoleHistory(tx as unknown as Db, v.orgId, plan.rows.flatMap((r) => (current.has(idByEmail.get(r.email)!) ? [idByEmail.get(r.email)!] : [])));
    for (const r of plan.rows) {
      const id = idByEmail.get(r.email)!;
      const cur = current.get(id);
      const mgr = r.managerEmail ? idByEmail.get(r.managerEmail)! : null;
      if (!cur || cur.title !== r.title || cur.team !== r.team || cur.managerId !== mgr) changedRows.push({ id, title: r.title, team: r.team, managerId: mgr });
      if (cur && cur.managerId !== mgr) managerChanges.push({ id, from: cur.managerId, to: mgr });
      // Asked again against the history as it is now: a role event recorded since the preview may put the file's date behind it.
      const role = roleOutcome(r, cur ?? null, historyOf(id), today);
      if (role.error) throw new AppError(409, "conflict", `The role of ${r.email} changed while importing; check the file again.`);
      if (role.event) events.push({ ...role.event, orgId: v.orgId, personId: id, createdBy: v.personId });
    }
    // Set-based: one UPDATE … FROM (VALUES …) per 1,000 changed rows, not one statement per person.
    for (let i = 0; i < changedRows.length; i += 1000) {
      const values = sql.join(
        changedRows.slice(i, i + 1000).map((c) => sql`(${c.id}::uuid, ${c.title}, ${c.team}, ${c.managerId}::uuid)`),
        sql`, `,
      );
      await tx.execute(sql`
        UPDATE memberships m SET title = v.title, team = v.team, manager_id = v.manager_id, version = m.version + 1, updated_at = now()
          FROM (VALUES ${values}) AS v(id, title, team, manager_id)
         WHERE m.id = v.id AND m.org_id = ${v.orgId}`);
    }
    for (const part of chunks(events)) await tx.insert(roleEvents).values(part);
    await followManagerChanges(tx, v.orgId, managerChanges, now);
    // One entry per person the file added or changed, beside the summary, so the log answers "who changed Eli's
    // title?" as it does for a change made on the person's page; written with the import, so neither exists alone.
    const trail: (typeof auditEvents.$inferInsert)[] = [];
    const entry = (action: string, id: string | null, meta: Record<string, unknown>) =>
      trail.push({ orgId: v.orgId, actorUserId: v.userId, action, targetType: id ? "membership" : null, targetId: id, meta });
    for (const c of changedRows) {
      const cur = current.get(c.id);
      if (!cur) {
        entry("member.imported", c.id, { title: c.title, team: c.team, manager: c.managerId, via: "csv_import" });
        continue;
      }
      const changed = [...(cur.title !== c.title ? ["title"] : []), ...(cur.team !== c.team ? ["team"] : [])];
      if (changed.length) entry("member.role_changed", c.id, { changed, title: c.title, team: c.team, via: "csv_import" });
    }
    for (const c of managerChanges) entry("member.manager_changed", c.id, { from: c.from, to: c.to, via: "csv_import" });
    entry("member.csv_imported", null, { ...plan.counts, roleEventsAdded: events.length });
    for (const part of chunks(trail)) await tx.insert(auditEvents).values(part);
    return { roleEventsAdded: events.length, withoutSignIn };
  });
  return { ...plan, roleEventsAdded, withoutSignIn };
}
