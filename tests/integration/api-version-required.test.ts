/**
 * Every API request that edits or deletes an existing row carries the version it read: without it the route
 * answers 428 `version_required` and changes nothing (it used to overwrite or delete whatever was saved
 * meanwhile). The route handlers run as Next would run them, signed in as the viewer the test picks.
 */
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { actionItems, agendaItems, meetings, notes, roleEvents, stretchGoalUpdates, stretchGoals } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { addActionItem } from "@/lib/meetings/action-items";
import { addAgendaItem } from "@/lib/meetings/agenda";
import { createNote, updateNote } from "@/lib/meetings/notes";
import { createGoal, getPurpose } from "@/lib/plan";
import { createRoleEvent } from "@/lib/people/role-events";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

const signedIn: { viewer: Viewer | null } = { viewer: null };
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => signedIn.viewer }));

let db: Db;
let maya: Viewer;
let eli: Viewer;
let meetingId: string;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  maya = await viewerFor(db, "maya@acme.example");
  eli = await viewerFor(db, "eli@acme.example");
  const [m] = await db.select().from(meetings).where(and(eq(meetings.reportId, eli.personId), eq(meetings.status, "scheduled")));
  meetingId = m!.id;
});
afterAll(teardownTestDb);

type Handler = (req: NextRequest, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

/** Calls a route handler as `viewer`, the way Next.js does for `/api/v1/…/{id}`. */
async function call(viewer: Viewer, handler: Handler, id: string, init: { method: string; body?: unknown; query?: string }) {
  signedIn.viewer = viewer;
  const req = new NextRequest(`http://localhost/api/v1/x/${id}${init.query ? `?${init.query}` : ""}`, {
    method: init.method,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body), headers: { "content-type": "application/json" } } : {}),
  });
  const res = await handler(req, { params: Promise.resolve({ id }) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as { error?: { code: string; message: string; fields?: Record<string, string[]>; current?: unknown; savedBy?: unknown } } & Record<string, unknown>) : null };
}

/** The 428 every such route gives without a version: the usual error shape, a message that says what to send, and the field. */
function expectVersionRequired(r: Awaited<ReturnType<typeof call>>) {
  expect(r.status).toBe(428);
  expect(r.json?.error).toMatchObject({ code: "version_required", message: expect.stringMatching(/send the `version` you read \(from the GET\)/), fields: { version: [expect.any(String)] } });
}

const meetingRoute = () => import("@/app/api/v1/meetings/[id]/route");
const agendaRoute = () => import("@/app/api/v1/agenda-items/[id]/route");
const actionRoute = () => import("@/app/api/v1/action-items/[id]/route");
const noteRoute = () => import("@/app/api/v1/notes/[id]/route");
const goalRoute = () => import("@/app/api/v1/stretch-goals/[id]/route");
const purposeRoute = () => import("@/app/api/v1/people/[id]/purpose/route");
const roleEventRoute = () => import("@/app/api/v1/role-events/[id]/route");

describe("PATCH /api/v1/meetings/{id} without version", () => {
  it("answers 428 for a check-in and for Mark held, and changes nothing", async () => {
    const { PATCH } = await meetingRoute();
    const [before] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
    expectVersionRequired(await call(eli, PATCH, meetingId, { method: "PATCH", body: { action: "checkIn", energy: 4, meaningful: "Blind save", goingThroughMotions: "", learnNext: "" } }));
    expectVersionRequired(await call(maya, PATCH, meetingId, { method: "PATCH", body: { action: "hold" } }));
    const [after] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(after).toMatchObject({ version: before!.version, status: "scheduled", meaningful: before!.meaningful });
    // With the version read, the same check-in goes through.
    const ok = await call(eli, PATCH, meetingId, { method: "PATCH", body: { action: "checkIn", energy: 4, meaningful: "Saved with its version", goingThroughMotions: "", learnNext: "", version: before!.version } });
    expect(ok.status).toBe(200);
    // A malformed version is still an ordinary 422.
    expect((await call(maya, PATCH, meetingId, { method: "PATCH", body: { action: "hold", version: "one" } })).status).toBe(422);
  });
});

describe("talking points and action items without version", () => {
  it("PATCH and DELETE of a talking point answer 428 and leave it as it was; a pure move needs none", async () => {
    const { PATCH, DELETE } = await agendaRoute();
    const item = await addAgendaItem(db, maya, meetingId, { body: "Blind writes" });
    expectVersionRequired(await call(eli, PATCH, item.id, { method: "PATCH", body: { done: true } }));
    expectVersionRequired(await call(eli, PATCH, item.id, { method: "PATCH", body: { body: "Reworded blind" } }));
    expectVersionRequired(await call(eli, DELETE, item.id, { method: "DELETE" }));
    expectVersionRequired(await call(eli, DELETE, item.id, { method: "DELETE", query: "version=" }));
    const [kept] = await db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
    expect(kept).toMatchObject({ body: "Blind writes", done: false, version: item.version });
    expect((await call(eli, PATCH, item.id, { method: "PATCH", body: { move: "up" } })).status).toBe(200);
    expect((await call(eli, DELETE, item.id, { method: "DELETE", query: `version=${item.version}` })).status).toBe(204);
  });

  it("PATCH and DELETE of an action item answer 428 and leave it as it was", async () => {
    const { PATCH, DELETE } = await actionRoute();
    const item = await addActionItem(db, maya, meetingId, { body: "Blind action", ownerId: eli.personId });
    expectVersionRequired(await call(eli, PATCH, item.id, { method: "PATCH", body: { done: true } }));
    expectVersionRequired(await call(eli, DELETE, item.id, { method: "DELETE" }));
    const [kept] = await db.select().from(actionItems).where(eq(actionItems.id, item.id));
    expect(kept).toMatchObject({ doneAt: null, version: item.version });
  });
});

describe("DELETE /api/v1/notes/{id}", () => {
  it("answers 428 without a version, 409 with the note as saved now for a stale one, and deletes with the current one", async () => {
    const { DELETE } = await noteRoute();
    const note = await createNote(db, maya, meetingId, { visibility: "shared", body: "Draft agenda for the offsite" });
    expectVersionRequired(await call(maya, DELETE, note.id, { method: "DELETE" }));
    // Eli adds to the note; Maya's page still shows the first text.
    const saved = await updateNote(db, eli, note.id, { body: "Draft agenda for the offsite\n- Eli: demo the build cache", version: note.version });
    const stale = await call(maya, DELETE, note.id, { method: "DELETE", query: `version=${note.version}` });
    expect(stale.status).toBe(409);
    expect(stale.json?.error).toMatchObject({ code: "conflict", current: { id: note.id, body: saved.body, version: saved.version }, savedBy: { you: false, name: "Eli Employee" } });
    expect(stale.json?.error?.message).toMatch(/Eli Employee saved this note since you read it, so it was not deleted/);
    expect(await db.select().from(notes).where(eq(notes.id, note.id))).toHaveLength(1);
    expect((await call(maya, DELETE, note.id, { method: "DELETE", query: `version=${saved.version}` })).status).toBe(204);
    expect(await db.select().from(notes).where(eq(notes.id, note.id))).toHaveLength(0);
    // Deleted meanwhile: 404.
    expect((await call(maya, DELETE, note.id, { method: "DELETE", query: `version=${saved.version}` })).status).toBe(404);
  });
});

describe("growth plan and role history without version", () => {
  it("a stretch goal's PATCH and DELETE answer 428 and leave it as it was", async () => {
    const { PATCH, DELETE } = await goalRoute();
    const goal = await createGoal(db, maya, eli.personId, { title: "Blind goal", description: "", category: "mentoring", status: "proposed", servesPurpose: false });
    expectVersionRequired(await call(eli, PATCH, goal.id, { method: "PATCH", body: { title: "Renamed blind" } }));
    expectVersionRequired(await call(eli, DELETE, goal.id, { method: "DELETE" }));
    const [kept] = await db.select().from(stretchGoals).where(eq(stretchGoals.id, goal.id));
    expect(kept).toMatchObject({ title: "Blind goal", version: goal.version });
    expect((await call(eli, DELETE, goal.id, { method: "DELETE", query: `version=${goal.version}` })).status).toBe(204);
  });

  it("a progress update that sets the progress answers 428 without the goal's version and 409 for a stale one; a note alone needs none", async () => {
    const { POST } = await import("@/app/api/v1/stretch-goals/[id]/updates/route");
    const goal = await createGoal(db, maya, eli.personId, { title: "Run the guild", description: "", category: "mentoring", status: "active", servesPurpose: false });
    expectVersionRequired(await call(eli, POST, goal.id, { method: "POST", body: { body: "Half way", progress: 50 } }));
    // Maya sets 40% from the version she read; Eli, still on the first version, sets 60%: refused with what is saved.
    const mayas = await call(maya, POST, goal.id, { method: "POST", body: { body: "First session ran", progress: 40, version: goal.version } });
    expect(mayas.status).toBe(201);
    const stale = await call(eli, POST, goal.id, { method: "POST", body: { body: "Second session ran", progress: 60, version: goal.version } });
    expect(stale.status).toBe(409);
    expect(stale.json?.error).toMatchObject({ code: "conflict", current: { id: goal.id, progress: 40, version: goal.version + 1 } });
    expect(stale.json?.error?.message).toMatch(/its progress is now 40%/);
    // A note without a progress only adds to the history: no version, and the goal's version stays.
    expect((await call(eli, POST, goal.id, { method: "POST", body: { body: "Booked the room for the next one" } })).status).toBe(201);
    const [g] = await db.select().from(stretchGoals).where(eq(stretchGoals.id, goal.id));
    expect(g).toMatchObject({ progress: 40, version: goal.version + 1 });
    expect(await db.select().from(stretchGoalUpdates).where(eq(stretchGoalUpdates.goalId, goal.id))).toHaveLength(2); // the refused update was not added
  });

  it("PUT purpose answers 428 without a version (0 when there is none yet is a version)", async () => {
    const { PUT } = await purposeRoute();
    const before = await getPurpose(db, eli, eli.personId);
    expectVersionRequired(await call(eli, PUT, eli.personId, { method: "PUT", body: { drewMe: "Blind", impact: "", worthEffort: "" } }));
    expect((await getPurpose(db, eli, eli.personId)).history).toHaveLength(before.history.length);
    const ok = await call(eli, PUT, eli.personId, { method: "PUT", body: { drewMe: "With its version", impact: "", worthEffort: "", version: before.current?.version ?? 0 } });
    expect(ok.status).toBe(200);
  });

  it("a role event's DELETE answers 428 without a version", async () => {
    const { DELETE } = await roleEventRoute();
    const ev = await createRoleEvent(db, maya, eli.personId, { type: "scope_change", effectiveOn: "2026-01-05", description: "Owns the build cache", newTitle: null, newTeam: null });
    expectVersionRequired(await call(maya, DELETE, ev.id, { method: "DELETE" }));
    expect(await db.select().from(roleEvents).where(eq(roleEvents.id, ev.id))).toHaveLength(1);
  });
});
