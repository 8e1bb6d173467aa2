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
  it("a manager listing a report's stuck signal records one event with the ids, never the message", async () => {
    const shown = await listVisibleSignals(db, maya, { includeOwn: false });
    const gusSignals = await db.select().from(stuckSignals).where(eq(stuckSignals.personId, gus.personId));
    expect(shown.map((s) => s.id).sort()).toEqual(gusSignals.map((s) => s.id).sort());
    expect(gusSignals.length).toBeGreaterThan(0);
    const events = await readEvents();
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({ orgId: maya.orgId, actorUserId: maya.userId, action: "stuck_signal.read", targetType: "person", targetId: gus.personId });
    expect(e!.meta).toEqual({ via: "page", count: gusSignals.length, ids: shown.map((s) => s.id) });
    for (const s of gusSignals) expect(JSON.stringify(e)).not.toContain(s.message);
    expect(auditActionLabel("stuck_signal.read")).toBe("Viewed someone's “I feel stuck” signals");
  });

  it("one event per call even when many signals of several people are shown; the API says so", async () => {
    const hiro = await personId(db, "hiro@acme.example");
    await db.insert(stuckSignals).values([
      { orgId: maya.orgId, personId: eli.personId, message: "SECRET-ELI-1" },
      { orgId: maya.orgId, personId: eli.personId, message: "SECRET-ELI-2", status: "withdrawn" },
      { orgId: maya.orgId, personId: hiro, message: "SECRET-HIRO" },
    ]);
    const shown = await listVisibleSignals(db, maya, { audit: "api" });
    expect(shown.length).toBeGreaterThanOrEqual(4);
    const events = await readEvents();
    expect(events).toHaveLength(1);
    const meta = events[0]!.meta as { via: string; count: number; ids: string[]; people: string[] };
    expect(meta.via).toBe("api");
    expect(meta.count).toBe(shown.length);
    expect(new Set(meta.ids)).toEqual(new Set(shown.map((s) => s.id)));
    expect(new Set(meta.people)).toEqual(new Set([gus.personId, eli.personId, hiro]));
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

  it("a manager reading a report's pulse trend records one event with the check-in ids, never the comments", async () => {
    await db.update(pulseCheckins).set({ comment: "SECRET-PULSE-COMMENT" }).where(and(eq(pulseCheckins.orgId, maya.orgId), eq(pulseCheckins.personId, eli.personId)));
    const points = await pulseTrend(db, maya, eli.personId, 52);
    expect(points.length).toBeGreaterThan(1);
    const events = await readEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ orgId: maya.orgId, actorUserId: maya.userId, action: "pulse.read", targetType: "person", targetId: eli.personId });
    expect(events[0]!.meta).toEqual({ via: "api", count: points.length, ids: points.map((p) => p.id) });
    expect(JSON.stringify(events)).not.toContain("SECRET-PULSE-COMMENT");
    expect(auditActionLabel("pulse.read")).toBe("Viewed someone's pulse answers");
  });

  it("the employee reading their own pulse records nothing; a denied read records no read event", async () => {
    expect((await pulseTrend(db, eli, eli.personId)).length).toBeGreaterThan(1);
    await expect(pulseTrend(db, dana, eli.personId)).rejects.toMatchObject({ status: 404 });
    expect(await readEvents()).toHaveLength(0);
  });
});
