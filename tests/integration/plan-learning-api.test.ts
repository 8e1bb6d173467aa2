/**
 * The JSON API refuses learning dates that cannot be right as the forms do (lib/plan/learning-dates.ts): a 422 in the
 * usual error shape, named at the field. The route handlers run as Next would run them, signed in as Eli.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

const signedIn: { viewer: Viewer | null } = { viewer: null };
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => signedIn.viewer }));

let db: Db;
let eli: Viewer;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  eli = await viewerFor(db, "eli@acme.example");
  signedIn.viewer = eli;
});
afterAll(teardownTestDb);

type Handler = (req: NextRequest, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
type Answer = { status: number; json: { error?: { code: string; message: string; fields?: Record<string, string[]> } } & Record<string, unknown> };

async function call(handler: Handler, id: string, method: string, body: unknown): Promise<Answer> {
  const req = new NextRequest(`http://localhost/api/v1/x/${id}`, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  const res = await handler(req, { params: Promise.resolve({ id }) });
  return { status: res.status, json: JSON.parse(await res.text()) };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("learning dates through the API", () => {
  it("answers 422 with the field for done learning finished ahead, and for learning under way that starts ahead", async () => {
    const { POST } = await import("@/app/api/v1/people/[id]/learning/route");
    const { PATCH } = await import("@/app/api/v1/learning/[id]/route");
    const finishedAhead = await call(POST, eli.personId, "POST", { kind: "course", title: "Finished next year", status: "done", startedOn: day(-20), completedOn: "2027-09-01" });
    expect(finishedAhead).toMatchObject({
      status: 422,
      json: { error: { code: "validation_failed", fields: { completedOn: ["Done means it has finished: pick today or an earlier date."] } } },
    });

    const created = await call(POST, eli.personId, "POST", { kind: "course", title: "Under way", status: "in_progress", startedOn: day(-20) });
    expect(created.status).toBe(201);
    const item = created.json as unknown as { id: string; version: number };
    const startsAhead = await call(PATCH, item.id, "PATCH", { version: item.version, startedOn: day(30) });
    expect(startsAhead).toMatchObject({
      status: 422,
      json: { error: { code: "validation_failed", fields: { startedOn: ["It is under way, so it started today or earlier: pick a start date no later than today."] } } },
    });
    const done = await call(PATCH, item.id, "PATCH", { version: item.version, status: "done", completedOn: day(-1) });
    expect(done).toMatchObject({ status: 200, json: { status: "done", startedOn: day(-20), completedOn: day(-1) } });
  });
});
