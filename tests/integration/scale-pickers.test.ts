import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditFilterOptions, auditFilterSchema, listAuditEvents, MAX_ACTOR_OPTIONS } from "@/lib/audit/query";
import { listPeopleForApi } from "@/lib/people/api-people";
import { MAX_MEMBER_OPTIONS, memberOptions } from "@/lib/people/structure";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

/** Adds `n` members to Acme, "Filler Person 1…n", reporting to nobody. */
async function addMembers(n: number): Promise<void> {
  await db.execute(sql`
    WITH u AS (
      INSERT INTO users (email, name)
      SELECT 'filler' || i || '@acme.example', 'Filler Person ' || i FROM generate_series(1, ${n}) i
      RETURNING id)
    INSERT INTO memberships (org_id, user_id, title, team)
    SELECT (SELECT id FROM organizations WHERE slug = 'acme'), u.id, 'Filler', 'Filler team' FROM u`);
}

// In an organization of 10,000 the manager and "who" selects held every member:
// /admin/people and an admin's person page were about 1.5 MB, /admin/audit 2.4 MB.
describe("choosing a person in a large organization", () => {
  it("small organizations keep their selects; beyond the limit the pages search instead", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const small = await memberOptions(db, ada.orgId);
    expect(small!.map((m) => m.name)).toContain("Maya Manager");
    expect((await auditFilterOptions(db, ada)).actors!.map((a) => a.name)).toContain("Maya Manager");

    await addMembers(Math.max(MAX_MEMBER_OPTIONS, MAX_ACTOR_OPTIONS) + 1);
    expect(await memberOptions(db, ada.orgId)).toBeNull();
    expect((await auditFilterOptions(db, ada)).actors).toBeNull();
  });

  it("the search behind the pickers is the directory, for every role, scoped to the organization", async () => {
    const maya = await viewerFor(db, "maya@acme.example");
    // Maya's plain list is her subtree; a search finds anyone in the directory (Ada is not below her).
    const found = await listPeopleForApi(db, maya, { page: 1, limit: 8, q: "Ada" });
    expect(found.scope).toBe("directory");
    expect(found.items.map((p) => p.name)).toContain("Ada Admin");
    expect(found.items.every((p) => p.flags === undefined)).toBe(true);
    const hank = await viewerFor(db, "hank@globex.example");
    expect((await listPeopleForApi(db, hank, { page: 1, limit: 8, q: "Ada" })).items).toEqual([]);
  });

  it("the audit log filters by a member's id, the picker's value, within the organization only", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const maya = await viewerFor(db, "maya@acme.example");
    await db.execute(sql`INSERT INTO audit_events (org_id, actor_user_id, action) VALUES (${ada.orgId}, ${maya.userId}, 'test.person_filter')`);
    const byPerson = await listAuditEvents(db, ada, auditFilterSchema.parse({ person: maya.personId }));
    const byActor = await listAuditEvents(db, ada, auditFilterSchema.parse({ actor: maya.userId }));
    expect(byPerson.rows.length).toBeGreaterThan(0);
    expect(byPerson.rows.map((r) => r.id)).toEqual(byActor.rows.map((r) => r.id));
    const gina = await viewerFor(db, "gina@globex.example");
    expect((await listAuditEvents(db, ada, auditFilterSchema.parse({ person: gina.personId }))).rows).toEqual([]);
    // The synthetic organization's ids are hash-made, not RFC 4122 versions; PostgreSQL and the policy take them.
    const hashMade = "0d4b638a-a34a-bdf4-7622-e7f3de5ed215";
    expect(auditFilterSchema.parse({ person: hashMade, actor: hashMade })).toMatchObject({ person: hashMade, actor: hashMade });
    expect(auditFilterSchema.safeParse({ person: "not-an-id" }).success).toBe(false);
  });
});
