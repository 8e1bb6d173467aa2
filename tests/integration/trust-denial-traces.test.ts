import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, stuckSignals } from "@/db/schema";
import { listAuditEvents, auditFilterSchema } from "@/lib/audit/query";
import { pulseTrend } from "@/lib/pulse/checkins";
import { acknowledgeSignal, getSignal, withdrawSignal } from "@/lib/stuck/signals";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";
import type { Viewer } from "@/lib/auth/viewer-type";

let db: Db;
let ada: Viewer;
let eli: Viewer;
let dana: Viewer;
let gus: string;
let signalId: string;

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  [ada, eli, dana] = await Promise.all([viewerFor(db, "ada@acme.example"), viewerFor(db, "eli@acme.example"), viewerFor(db, "dana@acme.example")]);
  gus = await personId(db, "gus@acme.example");
  const [s] = await db.select().from(stuckSignals).where(and(eq(stuckSignals.personId, gus), eq(stuckSignals.status, "open")));
  // The demo's signal of Gus's is for his manager alone: not his skip-level, not HR.
  expect(s).toMatchObject({ includeSkipLevel: false, includeHr: false });
  signalId = s!.id;
  await db.delete(auditEvents);
});
afterAll(teardownTestDb);

async function deniedRows() {
  return db.select().from(auditEvents).where(eq(auditEvents.action, "permission.denied"));
}

describe("a refused stuck signal leaves no trace of whose it is", () => {
  it("a colleague's withdraw, a skip-level's read and an admin's acknowledge are refused and logged without naming Gus", async () => {
    await expect(withdrawSignal(db, eli, signalId)).rejects.toMatchObject({ status: 404 });
    await expect(getSignal(db, dana, signalId)).rejects.toMatchObject({ status: 404 });
    await expect(acknowledgeSignal(db, ada, signalId, { nextStep: "x" })).rejects.toMatchObject({ status: 404 });
    // Denials are written without holding up the answer: wait for all three.
    await vi.waitFor(async () => expect(await deniedRows()).toHaveLength(3));
    const rows = await deniedRows();
    // Nothing but who was refused: not whose, and not even that it was a stuck signal, nor what they tried on it
    // (right after an admin moved Gus, "Maya was refused acknowledging a signal" would point at him).
    expect(rows.map((r) => [r.targetType, r.targetId, r.meta])).toEqual(Array(3).fill([null, null, { decision: "not_found" }]));
    expect(JSON.stringify(rows)).not.toContain(gus);
    expect(JSON.stringify(rows)).not.toMatch(/stuck/i);
    // What the admin reads: who was refused, and nothing about what.
    const { rows: shown } = await listAuditEvents(db, ada, auditFilterSchema.parse({ action: "permission.denied" }));
    expect(shown.map((r) => r.actorName).sort()).toEqual(["Ada Admin", "Dana Director", "Eli Employee"]);
    expect(JSON.stringify(shown)).not.toContain("Gus");
  });

  it("other refusals still name the person they were about", async () => {
    await expect(pulseTrend(db, dana, gus)).rejects.toMatchObject({ status: 404 });
    await vi.waitFor(async () => expect((await deniedRows()).filter((r) => r.targetType === "pulse")).toHaveLength(1));
    expect((await deniedRows()).find((r) => r.targetType === "pulse")!.targetId).toBe(gus);
  });
});
