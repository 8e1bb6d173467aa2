import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { meetings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { saveCheckIn } from "@/lib/meetings/checkin";
import { changeMeeting } from "@/lib/meetings/schedule";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("growth & meaning check-in", () => {
  it("two saves from the same version: the later one gets 409 with what is saved now, and nothing is overwritten", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const eli = await viewerFor(db, "eli@acme.example");
    const [m] = await db
      .select({ id: meetings.id, version: meetings.version })
      .from(meetings)
      .where(and(eq(meetings.managerId, await personId(db, "maya@acme.example")), eq(meetings.reportId, eli.personId), eq(meetings.status, "scheduled")));
    const read = m!.version;
    const mine = { energy: 2, meaningful: "Pairing with Fatima", goingThroughMotions: "", learnNext: "" };
    const saved = await saveCheckIn(db, maya, m!.id, { ...mine, version: read });
    expect(saved.version).toBe(read + 1);

    const his = { energy: 4, meaningful: "The incident review", goingThroughMotions: "Status reports", learnNext: "Rust" };
    const err = await saveCheckIn(db, eli, m!.id, { ...his, version: read }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(409);
    expect((err as AppError).extra?.current).toMatchObject({ meaningful: "Pairing with Fatima", version: read + 1 });

    const [still] = await db.select({ meaningful: meetings.meaningful }).from(meetings).where(eq(meetings.id, m!.id));
    expect(still!.meaningful).toBe("Pairing with Fatima");

    // Saving on top of the version seen in the conflict goes through.
    const merged = await saveCheckIn(db, eli, m!.id, { ...his, meaningful: "Pairing with Fatima; the incident review", version: read + 1 });
    expect(merged.meaningful).toBe("Pairing with Fatima; the incident review");
  });

  it("a cancelled 1:1 takes no check-in (the page offers none; the API took one), also when cancelled meanwhile", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    const hiro = await viewerFor(db, "hiro@acme.example");
    const [m] = await db
      .select({ id: meetings.id, version: meetings.version })
      .from(meetings)
      .where(and(eq(meetings.reportId, hiro.personId), eq(meetings.status, "scheduled")));
    const answers = { energy: 3, meaningful: "The migration", goingThroughMotions: "", learnNext: "" };
    await changeMeeting(db, maya, m!.id, { kind: "cancel" }, { version: m!.version });
    const [after] = await db.select({ version: meetings.version, meaningful: meetings.meaningful }).from(meetings).where(eq(meetings.id, m!.id));
    for (const version of [m!.version, after!.version]) {
      await expect(saveCheckIn(db, hiro, m!.id, { ...answers, version })).rejects.toMatchObject({ status: 409, message: "This 1:1 was cancelled, so its check-in is closed: answer it on the next 1:1." });
    }
    const [still] = await db.select({ meaningful: meetings.meaningful }).from(meetings).where(eq(meetings.id, m!.id));
    expect(still!.meaningful).toBe(after!.meaningful);
  });
});
