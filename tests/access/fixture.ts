/**
 * The real records the access matrix is checked against, created on top of
 * the demo data: E = Eli; a current Maya–Eli 1:1 with Maya's private note;
 * an old Omar–Eli 1:1 with Omar's private note from when Omar managed Eli
 * (a real manager change: Eli moved to Omar and back to Maya); two stuck
 * signals (manager only; shared with skip-level and HR); Gina made an admin
 * of Globex; a deactivated Acme member.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetings, memberships, notes, stuckSignals } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { personId, viewerFor } from "../helpers/viewers";
import type { MatrixIds } from "./entry-points";
import type { Actor } from "./matrix";

// The ids are declared once, in the entry-point registry that builds requests from them.
export type AccessFixture = MatrixIds & { viewers: Partial<Record<Actor, Viewer | null>> };

export type FixtureOptions = {
  /**
   * How Eli's manager changes. Default: directly in the database; the HTTP
   * matrix passes the real admin entry point (Ada's change-manager action).
   */
  changeManager?: (personId: string, managerId: string, fromManagerId: string) => Promise<void>;
};

export async function buildAccessFixture(db: Db, opts: FixtureOptions = {}): Promise<AccessFixture> {
  const eli = await personId(db, "eli@acme.example");
  const maya = await personId(db, "maya@acme.example");
  const omar = await personId(db, "omar@acme.example");
  const [m] = await db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.id, eli));
  const orgId = m!.orgId;
  const changeManager =
    opts.changeManager ??
    (async (person: string, managerId: string) => {
      await db.update(memberships).set({ managerId }).where(and(eq(memberships.id, person), eq(memberships.orgId, orgId)));
    });

  // A real manager change: Eli reports to Omar for a while (Omar holds a 1:1 and writes a private note), then back to Maya.
  await changeManager(eli, omar, maya);
  const [old] = await db
    .insert(meetings)
    .values({ orgId, managerId: omar, reportId: eli, scheduledAt: new Date(Date.now() - 60 * 86_400_000), status: "held" })
    .returning({ id: meetings.id });
  const [oldNote] = await db
    .insert(notes)
    .values({ orgId, meetingId: old!.id, authorId: omar, visibility: "private", body: "MARKER-OLD-PRIVATE omar about eli" })
    .returning({ id: notes.id });
  await changeManager(eli, maya, omar);

  const [cur] = await db
    .insert(meetings)
    .values({ orgId, managerId: maya, reportId: eli, scheduledAt: new Date(Date.now() + 2 * 86_400_000) })
    .returning({ id: meetings.id });
  const [note] = await db
    .insert(notes)
    .values({ orgId, meetingId: cur!.id, authorId: maya, visibility: "private", body: "MARKER-PRIVATE maya about eli" })
    .returning({ id: notes.id });

  const [sp] = await db
    .insert(stuckSignals)
    .values({ orgId, personId: eli, message: "MARKER-STUCK-PRIVATE" })
    .returning({ id: stuckSignals.id });
  const [ss] = await db
    .insert(stuckSignals)
    .values({ orgId, personId: eli, message: "MARKER-STUCK-SHARED", includeSkipLevel: true, includeHr: true })
    .returning({ id: stuckSignals.id });

  await db.execute(sql`UPDATE memberships SET role = 'admin' WHERE user_id = (SELECT id FROM users WHERE email = 'gina@globex.example')`);

  const viewers: AccessFixture["viewers"] = {
    self: await viewerFor(db, "eli@acme.example"),
    manager: await viewerFor(db, "maya@acme.example"),
    skipLevel: await viewerFor(db, "dana@acme.example"),
    formerManager: await viewerFor(db, "omar@acme.example"),
    peer: await viewerFor(db, "jonah@acme.example"),
    admin: await viewerFor(db, "ada@acme.example"),
    otherOrgAdmin: await viewerFor(db, "gina@globex.example"),
    otherOrgMember: await viewerFor(db, "hank@globex.example"),
    anonymous: null,
    deactivated: null,
    stalePassword: null,
  };
  return {
    orgId,
    eli,
    maya,
    omar,
    currentMeeting: cur!.id,
    oldMeeting: old!.id,
    privateNote: note!.id,
    oldPrivateNote: oldNote!.id,
    stuckPrivate: sp!.id,
    stuckShared: ss!.id,
    viewers,
  };
}
