import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, pulseCheckins, stuckSignals } from "@/db/schema";
import { auditActionLabel } from "@/lib/audit/labels";
import { pulseTrend } from "@/lib/pulse/checkins";
import { listVisibleSignals, openSignalsForViewer } from "@/lib/stuck/signals";
import type { Viewer } from "@/lib/auth/viewer-type";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
let maya: Viewer;
let eli: Viewer;
let gus: Viewer;
let dana: Viewer;

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  maya = await viewerFor(db, "maya@acme.example");
  eli = await viewerFor(db, "eli@acme.example");
  gus = await viewerFor(db, "gus@acme.example");
  dana = await viewerFor(db, "dana@acme.example");
});
afterAll(teardownTestDb);
beforeEach(async () => {
  await db.delete(auditEvents).where(inArray(auditEvents.action, ["stuck_signal.read", "pulse.read"]));
});

const readEvents = () => db.select().from(auditEvents).where(inArray(auditEvents.action, ["stuck_signal.read", "pulse.read"]));

describe("audited reads of sensitive records", () => {
  // Admins read the audit log: an event must not tell them more than ACCESS.md lets them see.
  it("a manager listing a report's stuck signal that did not include HR leaves no trace in the admins' log", async () => {
    const shown = await listVisibleSignals(db, maya, { includeOwn: false });
    const gusSignals = await db.select().from(stuckSignals).where(eq(stuckSignals.personId, gus.personId));
    expect(gusSignals.length).toBeGreaterThan(0);
    expect(gusSignals.every((s) => !s.includeHr)).toBe(true);
    expect(shown.map((s) => s.id).sort()).toEqual(gusSignals.map((s) => s.id).sort());
    // Ada (admin) may not see Gus's signal, so she may not learn from her log that Maya read one of his.
    expect(await listVisibleSignals(db, await viewerFor(db, "ada@acme.example"), { includeOwn: false, audit: false })).toEqual([]);
    expect(await readEvents()).toHaveLength(0);
  });

  it("a signal that included HR is audited when a recipient lists it: one event with the ids, never the message", async () => {
    await db.update(stuckSignals).set({ includeHr: true }).where(eq(stuckSignals.personId, gus.personId));
    const shown = await listVisibleSignals(db, maya, { includeOwn: false });
    const events = await readEvents();
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({ orgId: maya.orgId, actorUserId: maya.userId, action: "stuck_signal.read", targetType: "person", targetId: gus.personId });
    expect(e!.meta).toEqual({ via: "page", count: shown.length, ids: shown.map((s) => s.id) });
    for (const s of shown) expect(JSON.stringify(e)).not.toContain(s.message);
    expect(auditActionLabel("stuck_signal.read")).toBe("Viewed someone's “I feel stuck” signals");
    await db.update(stuckSignals).set({ includeHr: false }).where(eq(stuckSignals.personId, gus.personId));
  });

  it("one event per call even when many signals of several people are shown, listing only those that included HR; the API says so", async () => {
    const hiro = await personId(db, "hiro@acme.example");
    await db.insert(stuckSignals).values([
      { orgId: maya.orgId, personId: eli.personId, message: "SECRET-ELI-1", includeHr: true },
      { orgId: maya.orgId, personId: eli.personId, message: "SECRET-ELI-2", status: "withdrawn" },
      { orgId: maya.orgId, personId: hiro, message: "SECRET-HIRO", includeHr: true },
    ]);
    const shown = await listVisibleSignals(db, maya, { audit: "api" });
    expect(shown.length).toBeGreaterThanOrEqual(4);
    const told = shown.filter((s) => s.includeHr);
    const events = await readEvents();
    expect(events).toHaveLength(1);
    const meta = events[0]!.meta as { via: string; count: number; ids: string[]; people: string[] };
    expect(meta.via).toBe("api");
    expect(meta.count).toBe(told.length);
    expect(new Set(meta.ids)).toEqual(new Set(told.map((s) => s.id)));
    expect(new Set(meta.people)).toEqual(new Set([eli.personId, hiro]));
    expect(events[0]!.targetId).toBeNull();
    expect(JSON.stringify(events)).not.toMatch(/SECRET-/);
  });

  it("the employee reading their own signals, a count-only banner, and an empty list record nothing", async () => {
    expect((await listVisibleSignals(db, eli, { personId: eli.personId })).length).toBeGreaterThan(0);
    expect((await listVisibleSignals(db, gus, {})).length).toBeGreaterThan(0);
    expect((await openSignalsForViewer(db, maya)).length).toBeGreaterThan(0);
    // Dana is Maya's manager: Gus's signal did not include the skip-level, so she sees none of it.
    expect(await listVisibleSignals(db, dana, { personId: gus.personId })).toEqual([]);
    expect(await readEvents()).toHaveLength(0);
  });

  it("a manager opening a report's pulse answers records one event naming whose, with no count, ids or comments", async () => {
    await db.update(pulseCheckins).set({ comment: "SECRET-PULSE-COMMENT" }).where(and(eq(pulseCheckins.orgId, maya.orgId), eq(pulseCheckins.personId, eli.personId)));
    const points = await pulseTrend(db, maya, eli.personId, 52);
    expect(points.length).toBeGreaterThan(1);
    const events = await readEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ orgId: maya.orgId, actorUserId: maya.userId, action: "pulse.read", targetType: "person", targetId: eli.personId });
    // How many answers there are is itself denied to admins (ACCESS.md: R includes counts).
    expect(events[0]!.meta).toEqual({ via: "api" });
    expect(JSON.stringify(events)).not.toContain("SECRET-PULSE-COMMENT");
    expect(auditActionLabel("pulse.read")).toBe("Viewed someone's pulse answers");
  });

  it("the event is the same for someone who never answered, so its presence says nothing about participation", async () => {
    const hiro = await personId(db, "hiro@acme.example");
    await db.delete(pulseCheckins).where(eq(pulseCheckins.personId, hiro));
    expect(await pulseTrend(db, maya, hiro, 52)).toEqual([]);
    const events = await readEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "pulse.read", targetId: hiro, meta: { via: "api" } });
  });

  it("the employee reading their own pulse records nothing; a denied read records no read event", async () => {
    expect((await pulseTrend(db, eli, eli.personId)).length).toBeGreaterThan(1);
    await expect(pulseTrend(db, dana, eli.personId)).rejects.toMatchObject({ status: 404 });
    expect(await readEvents()).toHaveLength(0);
  });
});
