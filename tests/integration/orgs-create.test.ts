import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, organizations } from "@/db/schema";
import { createOrganization, freeSlug, slugOf } from "@/lib/orgs/create-org";
import { listDirectory } from "@/lib/people/directory";
import { acceptInvitation, createInvitation, findInvitation } from "@/lib/people/invitations";
import { loadViewer } from "@/lib/auth/viewer";
import { checkCredentials } from "@/lib/auth/credentials";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

describe("a new organization", () => {
  it("invites its first admin, who sets a password and runs an organization of their own", async () => {
    const org = await createOrganization(db, { name: "  Initech, Inc. ", adminEmail: "Bill@Initech.example", adminName: "Bill Lumbergh" });
    expect(org).toMatchObject({ slug: "initech-inc", name: "Initech, Inc." });
    // The link shows who it is for and where, then works once.
    expect(await findInvitation(db, org.token)).toMatchObject({ email: "bill@initech.example", name: "Bill Lumbergh", orgName: "Initech, Inc." });
    await acceptInvitation(db, org.token, "a long enough password");
    await expect(acceptInvitation(db, org.token, "a long enough password")).rejects.toMatchObject({ status: 404 });

    const bill = await viewerFor(db, "bill@initech.example");
    expect(bill).toMatchObject({ orgId: org.orgId, role: "admin" });
    // An organization of one: nobody from Acme in its directory, and the admin can invite.
    const dir = await listDirectory(db, bill, {});
    expect(dir.items.map((p) => p.name)).toEqual(["Bill Lumbergh"]);
    const { token } = await createInvitation(db, bill, { email: "milton@initech.example", name: "Milton", title: "", team: "", role: "member", managerId: null });
    expect((await findInvitation(db, token)).orgName).toBe("Initech, Inc.");
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.orgId, org.orgId));
    expect(event).toMatchObject({ action: "org.created", actorUserId: null });
  });

  it("gets a free short name, and refuses what is missing with a message per field", async () => {
    const a = await createOrganization(db, { name: "Acme Robotics", adminEmail: "x@acme2.example", adminName: "X" });
    expect(a.slug).toBe("acme-robotics");
    const b = await createOrganization(db, { name: "Acme  robotics!", adminEmail: "y@acme2.example", adminName: "Y" });
    expect(b.slug).toBe("acme-robotics-2");
    expect(await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, b.orgId))).toEqual([{ slug: "acme-robotics-2" }]);
    await expect(createOrganization(db, { name: " ", adminEmail: "not an email", adminName: "" })).rejects.toMatchObject({
      status: 422,
      fields: { name: [expect.any(String)], adminEmail: [expect.any(String)], adminName: [expect.any(String)] },
    });
  });

  it("someone who already uses Reignite and joins another organization lands there at their next sign-in", async () => {
    const org = await createOrganization(db, { name: "Zeta Labs", adminEmail: "maya@acme.example", adminName: "Maya" });
    const signIn = async () => {
      const r = await checkCredentials("maya@acme.example", "reignite-demo", undefined);
      if (!r || r === "rate_limited") throw new Error("sign-in failed");
      return loadViewer(db, { userId: r.id, authTime: Date.now() }, r.landingOrgId ?? undefined);
    };
    expect((await signIn())?.orgName).toBe("Acme Robotics"); // before: her only organization
    await acceptInvitation(db, org.token, "reignite-demo");
    const v = await signIn();
    // Not Acme Robotics, the first by name: the organization just joined.
    expect(v?.orgId).toBe(org.orgId);
    expect(v?.orgs.map((o) => o.name)).toEqual(["Acme Robotics", "Zeta Labs"]);
  });

  it("derives short names from any name", () => {
    expect(slugOf("Société Générale")).toBe("societe-generale");
    expect(slugOf("株式会社")).toBe("org");
    expect(slugOf("x".repeat(50) + " y")).toBe("x".repeat(40));
    expect(freeSlug("acme", new Set(["acme", "acme-2"]))).toBe("acme-3");
  });
});
