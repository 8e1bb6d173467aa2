/**
 * A connection is to a person in the organization or to a name outside it, not both: both used to save the person
 * and drop the typed name without a word. The API answers 422 at `name`, the domain functions refuse it too (for
 * callers that build the input themselves), and nothing is saved. The route handlers run as Next would run them.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import * as plan from "@/lib/plan";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { personId, viewerFor } from "../helpers/viewers";

const signedIn: { viewer: Viewer | null } = { viewer: null };
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => signedIn.viewer }));

const BOTH = "Pick a person or type a name outside the organization, not both.";

let db: Db;
let eli: Viewer;
let fatimaId: string;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  eli = await viewerFor(db, "eli@acme.example");
  fatimaId = await personId(db, "fatima@acme.example");
  signedIn.viewer = eli;
});
afterAll(teardownTestDb);

type Handler = (req: NextRequest, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

async function call(handler: Handler, id: string, method: string, body: unknown) {
  const req = new NextRequest(`http://localhost/api/v1/x/${id}`, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  const res = await handler(req, { params: Promise.resolve({ id }) });
  return { status: res.status, json: JSON.parse(await res.text()) as Record<string, unknown> };
}

const names = async () => (await plan.listConnections(db, eli, eli.personId)).map((c) => c.otherPersonName ?? c.name);

describe("a connection to a person and a name at once", () => {
  it("is refused at the name through the API, on create and on edit, and nothing is saved", async () => {
    const { POST } = await import("@/app/api/v1/people/[id]/connections/route");
    const { PATCH } = await import("@/app/api/v1/connections/[id]/route");
    const before = await names();
    const both = await call(POST, eli.personId, "POST", { kind: "mentor", otherPersonId: fatimaId, name: "Also an outside name", purpose: "Staff path" });
    expect(both).toMatchObject({ status: 422, json: { error: { code: "validation_failed", fields: { name: [BOTH] } } } });
    expect(await names()).toEqual(before);

    const created = await call(POST, eli.personId, "POST", { kind: "mentor", otherPersonId: fatimaId, purpose: "Staff path" });
    expect(created.status).toBe(201);
    const c = created.json as { id: string; version: number };
    const edited = await call(PATCH, c.id, "PATCH", { version: c.version, otherPersonId: fatimaId, name: "Someone else" });
    expect(edited).toMatchObject({ status: 422, json: { error: { fields: { name: [BOTH] } } } });
    // Either one alone goes through: the outside name replaces the person when the person is cleared.
    const switched = await call(PATCH, c.id, "PATCH", { version: c.version, otherPersonId: null, name: "Someone else" });
    expect(switched).toMatchObject({ status: 200, json: { otherPersonId: null, name: "Someone else" } });
    // An outside name sent alone, on a connection to a colleague: it replaces the colleague (it was saved unseen).
    const again = await call(PATCH, c.id, "PATCH", { version: (switched.json as { version: number }).version, otherPersonId: fatimaId });
    expect(again).toMatchObject({ status: 200, json: { otherPersonId: fatimaId, name: "" } });
    const alone = await call(PATCH, c.id, "PATCH", { version: (again.json as { version: number }).version, name: "Rust guild" });
    expect(alone).toMatchObject({ status: 200, json: { otherPersonId: null, name: "Rust guild" } });
  });

  it("is refused by the domain functions for callers that build the input themselves", async () => {
    await expect(plan.createConnection(db, eli, eli.personId, { kind: "mentor", otherPersonId: fatimaId, name: "Also an outside name", purpose: "" })).rejects.toMatchObject({
      status: 422,
      fields: { name: [BOTH] },
    });
    const c = await plan.createConnection(db, eli, eli.personId, { kind: "community", otherPersonId: null, name: "Rust guild", purpose: "" });
    await expect(plan.updateConnection(db, eli, c.id, { version: c.version, otherPersonId: fatimaId, name: "Rust guild" })).rejects.toMatchObject({ status: 422, fields: { name: [BOTH] } });
  });
});
