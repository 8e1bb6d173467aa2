import "server-only";
import { and, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { memberships, roleEvents, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { audit } from "@/lib/audit/log";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { authorize, authorizeOrg, isUuid } from "@/lib/policy";
import { transactionWithRetry, type Tx } from "@/lib/transaction";
import { formatDate } from "@/lib/radar/format";
import { latestPastDay, viewerToday } from "@/lib/plan/target-date";
import { roleDateProblem } from "./role-dates";
import { teamAsSpelled } from "./team-spelling";
import { timelineAhead } from "./timeline-title";
import { canonicalId } from "@/lib/http/canonical-ids";

function invalid(field: string, message: string): AppError {
  return new AppError(422, "validation_failed", message, { [field]: [message] });
}

/**
 * True when `candidateId` is `personId` or reports to them at any depth: making
 * the candidate their manager would close a loop. One recursive query upward
 * from the candidate.
 */
export async function isInSubtreeOf(db: Db | Tx, orgId: string, personId: string, candidateId: string): Promise<boolean> {
  const [r] = rows<{ hit: boolean }>(
    await db.execute(sql`
      WITH RECURSIVE up AS (
        SELECT id, manager_id, 0 AS depth FROM memberships WHERE id = ${candidateId} AND org_id = ${orgId}
        UNION ALL
        SELECT m.id, m.manager_id, up.depth + 1 FROM memberships m JOIN up ON m.id = up.manager_id
         WHERE m.org_id = ${orgId} AND up.depth < 64
      ) SELECT coalesce(bool_or(id = ${personId}), false) AS hit FROM up`),
  );
  return !!r?.hit;
}

/**
 * Changes of reporting lines in one organization take turns (until the
 * transaction ends). A loop check reads the lines as they are: two changes
 * checked side by side (X under Y, and Y under X) would each pass and together
 * close a loop. A writer that only relies on a line staying as it read it
 * (scheduling a 1:1 with the current manager) takes the lock `shared`: such
 * writers do not wait for one another, only for a change.
 */
export async function lockReportingLines(tx: Tx, orgId: string, mode: "change" | "shared" = "change"): Promise<void> {
  const key = sql`hashtext(${`reporting-lines:${orgId}`})`;
  await tx.execute(mode === "shared" ? sql`SELECT pg_advisory_xact_lock_shared(${key})` : sql`SELECT pg_advisory_xact_lock(${key})`);
}

/**
 * What a manager change does to the pair's 1:1s; every way of changing a manager calls this, inside its transaction.
 *
 * 1:1s still scheduled with the former manager will not take place: they are cancelled, marked as cancelled by the
 * change. Their agenda stays with them (1:1 content belongs to its two participants; it is not handed to the new
 * manager).
 *
 * Someone back with a manager they had (an admin undoing a misclick, a CSV import put right) gets back the 1:1s with
 * them that a change cancelled and that are still to come (12 hours of grace, as for "next"), with what was on them.
 * A 1:1 either of them cancelled stays cancelled. Before, undoing a wrong manager change left the pair's next 1:1
 * cancelled and nobody was told.
 *
 * One statement of each per 1,000 people (a CSV import may move many people at once).
 */
export async function followManagerChanges(tx: Tx, orgId: string, changes: { id: string; from: string | null; to: string | null }[], now: Date): Promise<void> {
  const at = now.toISOString();
  const pairs = (side: "from" | "to") =>
    changes.flatMap((c) => (c[side] === null ? [] : [sql`(${c.id}::uuid, ${c[side]}::uuid)`]));
  for (const values of chunked(pairs("from"))) {
    await tx.execute(sql`
      UPDATE meetings m SET status = 'cancelled', cancelled_at = ${at}::timestamptz, cancelled_by_line_change = true,
             version = m.version + 1, schedule_version = m.version + 1, updated_at = ${at}::timestamptz
        FROM (VALUES ${values}) AS v(report_id, manager_id)
       WHERE m.org_id = ${orgId} AND m.report_id = v.report_id AND m.manager_id = v.manager_id AND m.status = 'scheduled'`);
  }
  for (const values of chunked(pairs("to"))) {
    await tx.execute(sql`
      UPDATE meetings m SET status = 'scheduled', cancelled_at = NULL, cancelled_by_line_change = false,
             version = m.version + 1, schedule_version = m.version + 1, updated_at = ${at}::timestamptz
        FROM (VALUES ${values}) AS v(report_id, manager_id)
       WHERE m.org_id = ${orgId} AND m.report_id = v.report_id AND m.manager_id = v.manager_id
         AND m.status = 'cancelled' AND m.cancelled_by_line_change
         AND m.scheduled_at >= ${at}::timestamptz - interval '12 hours'`);
  }
}

/** VALUES lists of at most 1,000 rows. */
function* chunked(rows: SQL[]): Generator<SQL> {
  for (let i = 0; i < rows.length; i += 1000) yield sql.join(rows.slice(i, i + 1000), sql`, `);
}

/**
 * Who someone's manager is now, for a refusal that names them: "they now report to Omar Manager (deactivated)".
 */
async function managerNow(tx: Tx, orgId: string, managerId: string | null): Promise<{ managerId: string | null; managerName: string | null; managerDeactivated: boolean }> {
  if (managerId === null) return { managerId: null, managerName: null, managerDeactivated: false };
  const [m] = await tx
    .select({ name: users.name, deactivatedAt: memberships.deactivatedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, managerId), eq(memberships.orgId, orgId)));
  return { managerId, managerName: m?.name ?? null, managerDeactivated: !!m?.deactivatedAt };
}

/**
 * Admin: change someone's manager (null = no manager). Refuses self-management and cycles, and a change on top of
 * another made since the form was read: `basedOn` is the manager the form showed.
 *
 * Why the manager itself and not `memberships.version`: the version also moves with a title, access or deactivation
 * change (the title form sits beside this one on the page), none of which this change would overwrite. The comparison
 * is made under the reporting-lines lock every manager change takes, so two changes from the same stale page cannot
 * both pass it: the second finds the first's manager.
 */
export async function changeManager(
  db: Db,
  viewer: Viewer,
  personId: string,
  newManagerId: string | null,
  basedOn: { managerId: string | null },
): Promise<{ changed: boolean }> {
  await authorize(db, viewer, "directory", "write", personId);
  if (newManagerId !== null) {
    if (newManagerId === personId) throw invalid("managerId", "Someone cannot manage themselves.");
    if (!isUuid(newManagerId)) throw invalid("managerId", "Choose a manager from this organization.");
  }
  const now = new Date();
  const changed = await transactionWithRetry(db, async (tx) => {
    await lockReportingLines(tx, viewer.orgId);
    const [before] = await tx
      .select({ managerId: memberships.managerId })
      .from(memberships)
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    if (!before) throw notFound();
    // Already so: nothing to write, and nothing anyone saved meanwhile is lost.
    if (before.managerId === newManagerId) return null;
    if (before.managerId !== basedOn.managerId) {
      const current = await managerNow(tx, viewer.orgId, before.managerId);
      const who = current.managerId === null ? "they now have no manager" : `they now report to ${current.managerName ?? "someone else"}${current.managerDeactivated ? " (deactivated)" : ""}`;
      throw conflict(`Someone changed this person's manager meanwhile: ${who}. Nothing was saved.`, { current });
    }
    if (newManagerId !== null) {
      const [mgr] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.id, newManagerId), eq(memberships.orgId, viewer.orgId), isNull(memberships.deactivatedAt)));
      if (!mgr) throw invalid("managerId", "Choose an active manager from this organization.");
      if (await isInSubtreeOf(tx, viewer.orgId, personId, newManagerId)) {
        throw invalid("managerId", "That would create a loop: the new manager reports to this person.");
      }
    }
    await tx
      .update(memberships)
      .set({ managerId: newManagerId, version: sql`${memberships.version} + 1`, updatedAt: now })
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    await followManagerChanges(tx, viewer.orgId, [{ id: personId, from: before.managerId, to: newManagerId }], now);
    return { from: before.managerId };
  });
  if (!changed) return { changed: false };
  await audit({
    orgId: viewer.orgId,
    actorUserId: viewer.userId,
    action: "member.manager_changed",
    targetType: "membership",
    targetId: personId,
    meta: { from: changed.from, to: newManagerId },
  });
  return { changed: true };
}

/**
 * Admin: change title and/or team. Each actual change writes a role event
 * (title_change / team_change) in the same transaction, so "in current role
 * since" follows.
 *
 * `basedOn` is the title and team the form showed. The form sends both fields whichever one was edited, so a page
 * read before someone else's change would put their title back, record it as a new role event and restart time in
 * role: a change is refused (409 with what is saved now) when either differs from what is saved. The values rather
 * than `memberships.version`, which also moves with a manager, access or deactivation change that this one would not
 * overwrite; compared under the person's row lock, as adoptTimelineTitle reads it, so two saves from pages read at
 * the same moment cannot both pass.
 */
export async function changeTitleTeam(
  db: Db,
  viewer: Viewer,
  personId: string,
  input: { title?: string; team?: string; effectiveOn?: string; description?: string; correction?: boolean; today?: string; basedOn: { title: string; team: string } },
): Promise<{ changed: ("title" | "team")[] }> {
  await authorize(db, viewer, "directory", "write", personId);
  // The viewer's today (the form sends the browser's day), as on the timeline's own form.
  const on = input.effectiveOn ?? viewerToday(input.today);
  const { changed, saved } = await transactionWithRetry(db, async (tx) => {
    const [cur] = await tx
      .select({ title: memberships.title, team: memberships.team })
      .from(memberships)
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)))
      .for("update");
    if (!cur) throw notFound();
    const out: ("title" | "team")[] = [];
    const title = input.title?.trim();
    const typedTeam = input.team?.trim();
    const team = typedTeam ? await teamAsSpelled(tx, viewer.orgId, typedTeam, personId) : typedTeam;
    if (title !== undefined && title !== cur.title) out.push("title");
    if (team !== undefined && team !== cur.team) out.push("team");
    // Nothing to write when the form already says what is saved, however old the page: nothing anyone saved is lost.
    if (out.length && (cur.title !== input.basedOn.title || cur.team !== input.basedOn.team)) {
      throw conflict(`Someone changed this person's title or team meanwhile: now ${cur.title || "no title"} / ${cur.team || "no team"}. Nothing was saved.`, {
        current: { title: cur.title, team: cur.team },
      });
    }
    // A title change restarts "time in role", so it must say the title (roleEventGap); a title left blank as it was is no change.
    if (out.includes("title") && !title) throw invalid("title", "Enter the new title.");
    // What is saved, for the audit record: a team is written as the organization spells it, not as typed.
    const saved = { title: title ?? null, team: team ?? null };
    if (!out.length) return { changed: out, saved };
    if (input.correction) {
      await correctTitleTeam(tx, viewer.orgId, personId, cur, { title: out.includes("title") ? title! : null, team: out.includes("team") ? team! : null });
      return { changed: out, saved };
    }
    // The directory says the current role, so the change it records is dated like every new role event
    // (lib/people/role-dates.ts): not ahead (the directory would show a title before it is true), and not before the
    // latest event (the timeline's latest would then say another role than the directory).
    const [latest] = await tx
      .select({ on: sql<string | null>`max(${roleEvents.effectiveOn})` })
      .from(roleEvents)
      .where(and(eq(roleEvents.orgId, viewer.orgId), eq(roleEvents.personId, personId)));
    const problem = roleDateProblem(on, { today: latestPastDay(input.today), latest: latest?.on ?? null });
    if (problem) {
      throw invalid(
        "effectiveOn",
        problem.kind === "future"
          ? `${formatDate(problem.on)} is in the future: change the title or team once the change has happened (today or earlier).`
          : `${formatDate(problem.on)} is before the latest role event (${formatDate(problem.latest)}): the directory shows the current role, so a change here starts on or after it. To record an earlier role for the history, add it on the timeline.`,
      );
    }
    await tx
      .update(memberships)
      .set({
        ...(out.includes("title") ? { title } : {}),
        ...(out.includes("team") ? { team } : {}),
        version: sql`${memberships.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    for (const what of out) {
      await tx.insert(roleEvents).values({
        orgId: viewer.orgId,
        personId,
        type: what === "title" ? "title_change" : "team_change",
        effectiveOn: on,
        description: input.description?.trim() || (what === "title" ? `Title changed to ${title}` : `Moved to team ${team}`),
        newTitle: what === "title" ? title : null,
        newTeam: what === "team" ? team : null,
        createdBy: viewer.personId,
      });
    }
    return { changed: out, saved };
  });
  if (changed.length) {
    await audit({
      orgId: viewer.orgId,
      actorUserId: viewer.userId,
      action: input.correction ? "member.title_team_corrected" : "member.role_changed",
      targetType: "membership",
      targetId: personId,
      meta: { changed, ...saved },
    });
  }
  return { changed };
}

/**
 * A typo put right ("Senoir Engineer"), not a new role: the directory takes the corrected spelling, and so does the
 * timeline's latest event that set the misspelt value (with its description, if that was the one written for it),
 * but no role event is added, so time in role goes on from when the role really started.
 */
async function correctTitleTeam(tx: Tx, orgId: string, personId: string, cur: { title: string; team: string }, to: { title: string | null; team: string | null }): Promise<void> {
  await tx
    .update(memberships)
    .set({ ...(to.title !== null ? { title: to.title } : {}), ...(to.team !== null ? { team: to.team } : {}), version: sql`${memberships.version} + 1`, updatedAt: new Date() })
    .where(and(eq(memberships.id, personId), eq(memberships.orgId, orgId)));
  const fixes = [
    ...(to.title !== null ? [{ kind: "title" as const, from: cur.title, to: to.title }] : []),
    ...(to.team !== null ? [{ kind: "team" as const, from: cur.team, to: to.team }] : []),
  ];
  for (const f of fixes) {
    const column = f.kind === "title" ? roleEvents.newTitle : roleEvents.newTeam;
    const written = (v: string) => (f.kind === "title" ? `Title changed to ${v}` : `Moved to team ${v}`);
    // Only the latest event that set a title (or team), whatever its kind — a promotion sets one too, and the page's
    // "the timeline is ahead" check (timeline-title.ts) reads any such event — and only if it wrote the misspelt value:
    // an older one that happens to say the same (the timeline and the directory can differ, e.g. after a manager
    // recorded a change) is history, not a typo.
    const [latest] = await tx
      .select({ id: roleEvents.id, description: roleEvents.description, value: column })
      .from(roleEvents)
      .where(and(eq(roleEvents.orgId, orgId), eq(roleEvents.personId, personId), sql`coalesce(${column}, '') <> ''`))
      .orderBy(desc(roleEvents.effectiveOn), desc(roleEvents.createdAt))
      .limit(1);
    if (!latest || latest.value !== f.from) continue;
    await tx
      .update(roleEvents)
      .set({
        ...(f.kind === "title" ? { newTitle: f.to } : { newTeam: f.to }),
        ...(latest.description === written(f.from) ? { description: written(f.to) } : {}),
        version: sql`${roleEvents.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(roleEvents.id, latest.id), eq(roleEvents.orgId, orgId)));
  }
}

/**
 * Membership changes of one organization (deactivation, reactivation, access)
 * take turns on the reporting-lines lock. Once it is this change's turn the
 * actor must still be an active admin: another admin may have demoted or
 * deactivated them while their request waited (two admins acting on each
 * other at once: the second finds it is no longer theirs to decide).
 */
async function lockMembershipsAsAdmin(tx: Tx, viewer: Viewer): Promise<void> {
  await lockReportingLines(tx, viewer.orgId);
  const [actor] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.id, viewer.personId), eq(memberships.orgId, viewer.orgId), eq(memberships.role, "admin"), isNull(memberships.deactivatedAt)));
  if (!actor) throw forbidden("You are no longer an admin of this organization.");
}

/**
 * Admin: deactivate a membership. getViewer rejects deactivated memberships
 * on the next request, so the person is signed out at once. Their reports
 * keep them as manager on record until an admin reassigns them.
 */
export async function deactivateMember(db: Db, viewer: Viewer, personId: string): Promise<void> {
  await authorize(db, viewer, "directory", "write", personId);
  if (canonicalId(personId) === viewer.personId) throw new AppError(422, "validation_failed", "You cannot deactivate yourself.");
  await transactionWithRetry(db, async (tx) => {
    // Taking turns, two admins deactivating each other at the same moment cannot together leave the organization
    // with no active admin (nobody could then manage it without the database).
    await lockMembershipsAsAdmin(tx, viewer);
    const done = await tx
      .update(memberships)
      .set({ deactivatedAt: new Date(), version: sql`${memberships.version} + 1`, updatedAt: new Date() })
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId), isNull(memberships.deactivatedAt)))
      .returning({ id: memberships.id });
    if (!done.length) throw conflict("This person is already deactivated.");
    const [admins] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(and(eq(memberships.orgId, viewer.orgId), eq(memberships.role, "admin"), isNull(memberships.deactivatedAt)));
    if (!admins?.n) throw conflict("Deactivating them would leave the organization with no active admin.");
  });
  await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "member.deactivated", targetType: "membership", targetId: personId });
}

/**
 * Admin: make a member an admin of the organization, or an admin a member
 * again (oneself too, while another active admin remains). Takes effect on the
 * person's next request: the viewer is read from the database on each one.
 * Membership changes of one organization take turns (as deactivation does), so
 * two admins demoting each other at once cannot leave it with no active admin.
 */
export async function changeMemberAccess(db: Db, viewer: Viewer, personId: string, role: "admin" | "member"): Promise<{ changed: boolean }> {
  await authorize(db, viewer, "directory", "write", personId);
  const changed = await transactionWithRetry(db, async (tx) => {
    await lockMembershipsAsAdmin(tx, viewer);
    const [current] = await tx
      .select({ role: memberships.role, deactivatedAt: memberships.deactivatedAt })
      .from(memberships)
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    if (!current) throw notFound();
    if (current.role === role) return false;
    if (current.deactivatedAt) throw conflict("This person is deactivated: reactivate them first.");
    await tx
      .update(memberships)
      .set({ role, version: sql`${memberships.version} + 1`, updatedAt: new Date() })
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    const [admins] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(and(eq(memberships.orgId, viewer.orgId), eq(memberships.role, "admin"), isNull(memberships.deactivatedAt)));
    if (!admins?.n) throw invalid("role", "The organization needs at least one active admin: make someone else an admin first.");
    return true;
  });
  if (changed) {
    await audit({
      orgId: viewer.orgId,
      actorUserId: viewer.userId,
      action: "member.access_changed",
      targetType: "membership",
      targetId: personId,
      meta: { access: role === "admin" ? "member → admin" : "admin → member" },
    });
  }
  return { changed };
}

/**
 * Admin: reactivate a deactivated membership. They sign in again with their
 * password; any session token from before stays refused (sessions_valid_after),
 * unless they are active in another organization (see below).
 */
export async function reactivateMember(db: Db, viewer: Viewer, personId: string): Promise<void> {
  await authorize(db, viewer, "directory", "write", personId);
  await transactionWithRetry(db, async (tx) => {
    await lockMembershipsAsAdmin(tx, viewer);
    const done = await tx
      .update(memberships)
      .set({ deactivatedAt: null, version: sql`${memberships.version} + 1`, updatedAt: new Date() })
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId), isNotNull(memberships.deactivatedAt)))
      .returning({ userId: memberships.userId });
    if (!done.length) throw conflict("This person is already active.");
    // Sessions from before the deactivation count again only if the account was signed out by it, i.e. had no
    // other active membership. Someone who is also in another organization stayed signed in there all along: ending
    // their sessions would let this organization's admins sign them out of every organization at will.
    await tx
      .update(users)
      .set({ sessionsValidAfter: new Date() })
      .where(
        and(
          eq(users.id, done[0]!.userId),
          sql`NOT EXISTS (SELECT 1 FROM memberships o WHERE o.user_id = ${users.id} AND o.id <> ${personId} AND o.deactivated_at IS NULL)`,
        ),
      );
  });
  await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "member.reactivated", targetType: "membership", targetId: personId });
}

/** Active members of the org as {id, name} options (for manager pickers). */
/**
 * Beyond this many active members a manager is picked by searching
 * (`PersonPicker` on GET /api/v1/people?q=) instead of from a select: 10,000
 * options made every admin's person page and /admin/people about 1.5 MB.
 */
export const MAX_MEMBER_OPTIONS = 200;

/** Active members for a manager select, or null when the organization is too large for one (see MAX_MEMBER_OPTIONS). */
export async function memberOptions(db: Db, orgId: string): Promise<{ id: string; name: string }[] | null> {
  const found = await db
    .select({ id: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), isNull(memberships.deactivatedAt)))
    .orderBy(users.name, memberships.id)
    .limit(MAX_MEMBER_OPTIONS + 1);
  return found.length > MAX_MEMBER_OPTIONS ? null : found;
}

/**
 * How many active people report to this person: an admin deactivating a manager is told that they stay the
 * manager of record until someone else is recorded. Unchecked: the caller has authorized the admin's view.
 */
export async function activeReportCount(db: Db, orgId: string, personId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.managerId, personId), isNull(memberships.deactivatedAt)));
  return r?.n ?? 0;
}

const INACTIVE_MANAGER_LIST = 20;

/**
 * Admin: active people whose manager on record was deactivated. Until they get
 * a new manager nobody holds their 1:1s or sees their "I feel stuck" signal
 * (it goes to HR instead), so /admin/people lists them: the first 20 by name,
 * and how many in all. One statement (memberships_org_manager_idx).
 */
export async function peopleWithInactiveManager(db: Db, viewer: Viewer | null): Promise<{ total: number; people: { id: string; name: string; managerName: string }[] }> {
  const v = authorizeOrg(viewer, "orgAdmin", "read");
  const found = rows<{ id: string; name: string; manager_name: string; total: number }>(
    await db.execute(sql`
      SELECT m.id, u.name, mu.name AS manager_name, count(*) OVER ()::int AS total
        FROM memberships m
        JOIN memberships mm ON mm.id = m.manager_id AND mm.org_id = m.org_id AND mm.deactivated_at IS NOT NULL
        JOIN users u ON u.id = m.user_id
        JOIN users mu ON mu.id = mm.user_id
       WHERE m.org_id = ${v.orgId} AND m.deactivated_at IS NULL
       ORDER BY u.name, m.id
       LIMIT ${INACTIVE_MANAGER_LIST}`),
  );
  return { total: found[0]?.total ?? 0, people: found.map((r) => ({ id: r.id, name: r.name, managerName: r.manager_name })) };
}

/**
 * An admin takes the title and team the timeline has reached into the directory (a manager recorded the change).
 * Read from the timeline here, under the person's row lock, never from the form: the button says what it will write,
 * and a timeline changed meanwhile writes what it says now. No role event: the timeline already has it.
 */
export async function adoptTimelineTitle(db: Db, viewer: Viewer, personId: string): Promise<{ changed: ("title" | "team")[] }> {
  await authorize(db, viewer, "directory", "write", personId);
  const { changed, saved } = await transactionWithRetry(db, async (tx) => {
    const [cur] = await tx
      .select({ title: memberships.title, team: memberships.team })
      .from(memberships)
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)))
      .for("update");
    if (!cur) throw notFound();
    const events = await tx
      .select({ effectiveOn: roleEvents.effectiveOn, newTitle: roleEvents.newTitle, newTeam: roleEvents.newTeam })
      .from(roleEvents)
      .where(and(eq(roleEvents.orgId, viewer.orgId), eq(roleEvents.personId, personId), sql`(${roleEvents.newTitle} IS NOT NULL OR ${roleEvents.newTeam} IS NOT NULL)`))
      .orderBy(desc(roleEvents.effectiveOn), desc(roleEvents.createdAt));
    const ahead = timelineAhead(events, cur, new Date().toISOString().slice(0, 10));
    const out: ("title" | "team")[] = [...(ahead?.title ? (["title"] as const) : []), ...(ahead?.team ? (["team"] as const) : [])];
    const saved = { title: ahead?.title?.value ?? null, team: ahead?.team?.value ?? null };
    if (!out.length) return { changed: out, saved };
    await tx
      .update(memberships)
      .set({ ...(saved.title !== null ? { title: saved.title } : {}), ...(saved.team !== null ? { team: saved.team } : {}), version: sql`${memberships.version} + 1`, updatedAt: new Date() })
      .where(and(eq(memberships.id, personId), eq(memberships.orgId, viewer.orgId)));
    return { changed: out, saved };
  });
  if (changed.length) {
    await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "member.role_changed", targetType: "membership", targetId: personId, meta: { changed, ...saved, fromTimeline: true } });
  }
  return { changed };
}
