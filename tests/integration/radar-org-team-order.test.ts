/**
 * /org's two tables list teams in one order: QA found "design" last in the teams table (the database's byte order)
 * and first in the pulse table (the browser-like order), so a team sat on different lines of the two.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { orgAggregates } from "@/lib/radar/org";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("/org's team order", () => {
  it("is alphabetical whatever the capitals, and the same in the teams and the pulse tables", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    // A team typed in lower case, as QA's "design".
    const [eli] = await db.select({ userId: users.id }).from(users).where(eq(users.email, "eli@acme.example"));
    await db.update(memberships).set({ team: "design" }).where(and(eq(memberships.orgId, ada.orgId), eq(memberships.userId, eli!.userId)));

    const { teams, pulse } = await orgAggregates(db, ada);
    const names = teams.map((t) => t.team);
    expect(names).toContain("design");
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(names.indexOf("design")).toBeLessThan(names.indexOf("Platform"));
    // Every current team is in the pulse table too, on the same line relative to the others.
    const pulseNames = pulse.teams.map((t) => t.team).filter((t) => names.includes(t));
    expect(pulseNames).toEqual(names);
  });
});
