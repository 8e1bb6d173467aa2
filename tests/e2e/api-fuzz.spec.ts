import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { z } from "zod";
import * as meetingSchemas from "@/lib/meetings/schemas";
import * as peopleSchemas from "@/lib/people/schemas";
import * as planSchemas from "@/lib/plan/schemas";
import { httpClient, signInHttp, type HttpSession } from "../helpers/http";
import { withE2eSql } from "./support/db";
import { arbFromSchema, textArb, type Hints, type JsonSchema } from "./support/json-schema-arb";
import { resetDemoData } from "./support/reset";

/**
 * Property-based fuzzing of every JSON API route (app/api/v1/**\/route.ts)
 * against `next start`, signed in as Maya (manager), Eli (employee) and Ada
 * (admin). Bodies come from each route's zod schema and from far outside it
 * (wrong types, 100 kB strings, unicode, nulls, arrays, extra fields,
 * malformed JSON, wrong content types, bad and foreign ids). Every answer is
 * 2xx, or 4xx with `{ error: { code, message } }`; never 5xx, never a stack
 * trace. A second test proves extra fields are never written.
 */

const API_DIR = path.resolve(__dirname, "../../app/api/v1");
const SEED = 20261129;
const RUNS = Number(process.env.API_FUZZ_RUNS ?? 24);

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type IdKind = keyof Ids["acme"];
type RouteSpec = { body?: z.ZodType; query?: Record<string, fc.Arbitrary<string>>; id?: IdKind };

// Local copy of lib/auth/change-password.ts's schema (that module pulls in the database client).
const changePassword = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });
const pulseBody = meetingSchemas.pulseSchema.extend({ comment: z.string().trim().max(2000).optional() });
const versionQuery = { version: fc.oneof(fc.integer({ min: -2, max: 5 }).map(String), fc.constantFrom("", "abc", "1e309", "NaN", "0x10", " 1 ", "9".repeat(400), "2147483648")) };
const pageQuery = { page: fc.oneof(fc.integer({ min: -2, max: 200_000 }).map(String), fc.constantFrom("", "x", "1.5", "Infinity")) };

/** Every route file × exported method, keyed like "people/[id]/skills POST". The test fails when a route is missing here. */
const ROUTES: Record<string, RouteSpec> = {
  "account/password POST": { body: changePassword },
  "action-items/[id] PATCH": { body: meetingSchemas.actionPatchSchema, id: "actionItem" },
  "action-items/[id] DELETE": { query: versionQuery, id: "actionItem" },
  "agenda-items/[id] PATCH": { body: meetingSchemas.agendaPatchSchema, id: "agendaItem" },
  "agenda-items/[id] DELETE": { query: versionQuery, id: "agendaItem" },
  "audit GET": { query: { actor: textArb(0, 60), person: textArb(0, 60), action: textArb(0, 60), from: fc.constantFrom("2026-01-01", "x", ""), to: fc.constantFrom("2030-01-01", "2026-13-45"), page: pageQuery.page, cursor: textArb(0, 80) } },
  "connections/[id] PATCH": { body: planSchemas.connectionPatch, id: "connection" },
  "connections/[id] DELETE": { query: versionQuery, id: "connection" },
  "learning/[id] PATCH": { body: planSchemas.learningPatch, id: "learning" },
  "learning/[id] DELETE": { query: versionQuery, id: "learning" },
  "me/stuck-signals GET": {},
  "me/stuck-signals POST": { body: meetingSchemas.stuckRaiseSchema },
  "meetings/[id]/action-items POST": { body: meetingSchemas.actionCreateSchema, id: "meeting" },
  "meetings/[id]/agenda-items POST": { body: meetingSchemas.agendaCreateSchema, id: "meeting" },
  "meetings/[id]/notes POST": { body: meetingSchemas.noteCreateSchema, id: "meeting" },
  "meetings/[id] GET": { id: "meeting" },
  "meetings/[id] PATCH": { body: meetingSchemas.meetingPatchSchema, id: "meeting" },
  "notes/[id] GET": { id: "note" },
  "notes/[id] PATCH": { body: meetingSchemas.notePatchSchema, id: "note" },
  "notes/[id] DELETE": { query: versionQuery, id: "note" },
  "people/[id]/check-ins GET": { id: "person" },
  "people/[id]/check-ins POST": { body: pulseBody, id: "person" },
  "people/[id]/connectable GET": { query: { q: textArb(0, 120), limit: fc.oneof(fc.integer({ min: -1, max: 50 }).map(String), fc.constantFrom("", "x")) }, id: "person" },
  "people/[id]/connections GET": { id: "person" },
  "people/[id]/connections POST": { body: planSchemas.connectionCreate, id: "person" },
  "people/[id]/learning GET": { id: "person" },
  "people/[id]/learning POST": { body: planSchemas.learningCreate, id: "person" },
  "people/[id]/meetings GET": { query: pageQuery, id: "person" },
  "people/[id]/meetings POST": { body: meetingSchemas.scheduleSchema, id: "person" },
  "people/[id]/plan GET": { query: { format: fc.constantFrom("json", "csv", "xml", "", "JSON") }, id: "person" },
  "people/[id]/purpose GET": { id: "person" },
  "people/[id]/purpose PUT": { body: planSchemas.purposeInput, id: "person" },
  "people/[id]/role-events GET": { id: "person" },
  "people/[id]/role-events POST": { body: peopleSchemas.roleEventInput, id: "person" },
  "people/[id]/rotations GET": { id: "person" },
  "people/[id]/rotations POST": { body: peopleSchemas.rotationInput, id: "person" },
  "people/[id] GET": { id: "person" },
  "people/[id]/skills GET": { id: "person" },
  "people/[id]/skills POST": { body: planSchemas.skillCreate, id: "person" },
  "people/[id]/stretch-goals GET": { id: "person" },
  "people/[id]/stretch-goals POST": { body: planSchemas.goalCreate, id: "person" },
  "people/[id]/wins GET": { id: "person" },
  "people/[id]/wins POST": { body: planSchemas.winCreate, id: "person" },
  "people GET": { query: { ...pageQuery, limit: fc.oneof(fc.integer({ min: -1, max: 500 }).map(String), fc.constantFrom("", "ten")), q: textArb(0, 120) } },
  "role-events/[id] GET": { id: "roleEvent" },
  "role-events/[id] PATCH": { body: peopleSchemas.roleEventPatch, id: "roleEvent" },
  "role-events/[id] DELETE": { query: versionQuery, id: "roleEvent" },
  "rotations/[id] GET": { id: "rotation" },
  "rotations/[id] PATCH": { body: peopleSchemas.rotationPatch, id: "rotation" },
  "rotations/[id] DELETE": { query: versionQuery, id: "rotation" },
  "skills/[id] PATCH": { body: planSchemas.skillPatch, id: "skill" },
  "skills/[id] DELETE": { query: versionQuery, id: "skill" },
  "stretch-goals/[id] PATCH": { body: planSchemas.goalPatch, id: "goal" },
  "stretch-goals/[id] DELETE": { query: versionQuery, id: "goal" },
  "stretch-goals/[id]/updates POST": { body: planSchemas.goalUpdateCreate, id: "goal" },
  "stuck-signals/[id]/acknowledge POST": { body: meetingSchemas.stuckAckSchema, id: "stuckSignal" },
  "stuck-signals/[id]/withdraw POST": { id: "stuckSignal" },
  "stuck-signals GET": {},
  "wins/[id] PATCH": { body: planSchemas.winPatch, id: "win" },
  "wins/[id] DELETE": { query: versionQuery, id: "win" },
};

/** The API's route files; the catch-all for unknown addresses ([[...unknown]]) has a test of its own below. */
function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name.includes("...")) return [];
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return name === "route.ts" ? [p] : [];
  });
}

/** "people/[id]/skills POST" for every exported HTTP method of every route file. */
function discoverRoutes(): string[] {
  return routeFiles().flatMap((file) => {
    const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
    const src = readFileSync(file, "utf8");
    return [...src.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((m) => `${rel} ${m[1]}`);
  });
}

const TABLES = {
  person: "memberships",
  meeting: "meetings",
  note: "notes",
  agendaItem: "agenda_items",
  actionItem: "action_items",
  connection: "connections",
  learning: "learning_items",
  skill: "skills",
  goal: "stretch_goals",
  win: "wins",
  roleEvent: "role_events",
  rotation: "rotations",
  stuckSignal: "stuck_signals",
} as const;
type Ids = { acme: Record<keyof typeof TABLES, string[]>; globex: Record<keyof typeof TABLES, string[]>; org: { acme: string; globex: string }; person: Record<string, string>; eliMeeting: string };

async function loadIds(): Promise<Ids> {
  return withE2eSql(async (sql) => {
    const [acme] = await sql<{ id: string }[]>`select id from organizations where slug = 'acme'`;
    const [globex] = await sql<{ id: string }[]>`select id from organizations where slug = 'globex'`;
    const people = await sql<{ email: string; id: string }[]>`select lower(u.email) as email, m.id from memberships m join users u on u.id = m.user_id`;
    const person = Object.fromEntries(people.map((p) => [p.email.split("@")[0]!, p.id]));
    const ownerOf: Record<string, string> = {
      memberships: "t.id",
      meetings: "t.report_id",
      notes: "(select report_id from meetings mt where mt.id = t.meeting_id)",
      agenda_items: "(select report_id from meetings mt where mt.id = t.meeting_id)",
      action_items: "(select report_id from meetings mt where mt.id = t.meeting_id)",
    };
    // A few records per kind, those of the preferred people (Eli, Maya, Gus, …) first, so requests reach the domain code.
    const pick = async (org: string, preferPeople: string[]) => {
      const out = {} as Record<keyof typeof TABLES, string[]>;
      for (const [kind, table] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
        const owner = ownerOf[table] ?? "t.person_id";
        const rows = await sql.unsafe<{ id: string }[]>(
          `select t.id::text as id from ${table} t where t.org_id = $1 order by (${owner} = any($2::uuid[])) desc, t.id limit 4`,
          [org, `{${preferPeople.join(",")}}`], // a PostgreSQL array literal
        );
        out[kind] = rows.map((r) => r.id);
      }
      return out;
    };
    const [eliMeeting] = await sql<{ id: string }[]>`select id from meetings where report_id = ${person.eli!} and status = 'scheduled'`;
    return {
      acme: await pick(acme!.id, [person.eli!]), // Eli's records first: Maya and Eli may both reach them
      globex: await pick(globex!.id, [person.hank!]),
      org: { acme: acme!.id, globex: globex!.id },
      person,
      eliMeeting: eliMeeting!.id,
    };
  });
}

const STACK = /\n\s+at [^\n]+[(:]\d+|node_modules|\/work\/|\.tsx?:\d+|webpack|Error: [^"]*\n/;

async function expectWellFormed(res: Response, what: string): Promise<void> {
  const body = await res.text();
  const detail = `${what} → ${res.status}: ${body.slice(0, 400)}`;
  expect(res.status, detail).toBeGreaterThanOrEqual(200);
  expect(res.status, detail).toBeLessThan(500);
  expect(body, detail).not.toMatch(STACK);
  const type = res.headers.get("content-type") ?? "";
  if (res.status >= 400) {
    expect(type, detail).toContain("application/json");
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof parsed.error?.code, detail).toBe("string");
    expect(typeof parsed.error?.message, detail).toBe("string");
  } else if (res.status !== 204) {
    expect(type, detail).toMatch(/application\/json|text\/csv/);
    if (type.includes("json")) JSON.parse(body);
  }
}

const EXTRA_FIELDS = (ids: Ids) =>
  fc.record(
    {
      orgId: fc.constantFrom(ids.org.globex, ids.org.acme, "x"),
      personId: fc.constantFrom(ids.person.gus!, ids.person.hank!, ids.person.maya!),
      id: fc.uuid({ version: 4 }),
      authorId: fc.constantFrom(ids.person.eli!, ids.person.hank!),
      // 2^31: one more than a PostgreSQL integer holds (it answered 500 where a schema let any integer through).
      version: fc.constantFrom(99, -1, "7", 2147483648),
      createdAt: fc.constantFrom("2001-01-01T00:00:00Z", 0),
      role: fc.constantFrom("admin", "owner"),
      status: fc.constantFrom("acknowledged", "done", "active"),
      meetingId: fc.constantFrom(...ids.globex.meeting, ...ids.acme.meeting),
      managerId: fc.constantFrom(ids.person.eli!, ids.person.hank!),
    },
    { requiredKeys: [] },
  );

const WRONG_VALUES: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, "", " ", "null", [], {}, [1, 2], { $gt: "" }, "2026-02-30", "9999-99-99T99:99:99Z", "0000-00-00", "0000-01-01", "1899-12-31"),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant("é".repeat(50_000)),
);

type Req = { actor: "maya" | "eli" | "ada"; id: string; query: string; init: RequestInit; label: string };

function requestArb(key: string, spec: RouteSpec, ids: Ids): fc.Arbitrary<Req> {
  const [, method] = key.split(" ") as [string, Method];
  const hints: Hints = { uuids: [...Object.values(ids.person), ...ids.acme.goal, ...ids.acme.rotation] };
  const idArb = spec.id
    ? fc.oneof(
        { weight: 5, arbitrary: fc.constant(ids.acme[spec.id][0] ?? ids.person.eli!) },
        { weight: 2, arbitrary: fc.constantFrom(...(ids.acme[spec.id].length ? ids.acme[spec.id] : [ids.person.eli!])) },
        { weight: 2, arbitrary: fc.constantFrom(...(ids.globex[spec.id].length ? ids.globex[spec.id] : [ids.person.hank!])) },
        { weight: 2, arbitrary: fc.constantFrom("not-a-uuid", "00000000-0000-0000-0000-000000000000", "1 OR 1=1", "%00", "..%2F..%2Fadmin", "x".repeat(3000), "ünï", "null", ids.org.acme) },
        { weight: 1, arbitrary: fc.uuid() },
      )
    : fc.constant("");
  const queryArb = spec.query
    ? fc.record(spec.query, { requiredKeys: [] }).map((q) => new URLSearchParams(q as Record<string, string>).toString())
    : fc.oneof(fc.constant(""), fc.constantFrom("version=1", "page=-1&limit=x", "__proto__[x]=1", "format=csv"));
  const hasBody = method !== "GET" && method !== "DELETE";
  const json = (v: unknown) => ({ body: JSON.stringify(v), headers: { "content-type": "application/json" } as Record<string, string> });
  let bodyArb: fc.Arbitrary<{ body?: string; headers: Record<string, string>; kind: string }> = fc.constant({ headers: {}, kind: "none" });
  if (hasBody) {
    const valid = spec.body ? arbFromSchema(z.toJSONSchema(spec.body, { io: "input", unrepresentable: "any" }) as JsonSchema, hints) : fc.constant({});
    const asObject = valid.map((v) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {}));
    bodyArb = fc.oneof(
      { weight: 6, arbitrary: valid.map((v) => ({ ...json(v), kind: "valid" })) },
      {
        weight: 3,
        arbitrary: fc.tuple(asObject, EXTRA_FIELDS(ids)).map(([v, extra]) => {
          // A literal "__proto__" key only survives as text; JSON.parse makes it an own property.
          const text = JSON.stringify({ ...v, ...extra }).replace(/^\{/, '{"__proto__":{"role":"admin","isAdmin":true},"constructor":{"prototype":{"polluted":1}},');
          return { body: text.replace(/,}$/, "}"), headers: { "content-type": "application/json" }, kind: "extra fields" };
        }),
      },
      {
        weight: 3,
        arbitrary: fc.tuple(asObject, WRONG_VALUES, fc.nat()).map(([v, wrong, n]) => {
          const keys = Object.keys(v);
          const key = keys.length ? keys[n % keys.length]! : "body";
          return { ...json({ ...v, [key]: wrong }), kind: `wrong ${key}` };
        }),
      },
      { weight: 1, arbitrary: WRONG_VALUES.map((v) => ({ ...json(v), kind: "wrong body" })) },
      {
        weight: 1,
        arbitrary: fc.tuple(asObject, fc.constantFrom(100_000, 300_000)).map(([v, size]) => {
          const keys = Object.keys(v);
          const huge = "ß🚀a".repeat(Math.ceil(size / 4));
          return { ...json(keys.length ? Object.fromEntries(keys.map((k) => [k, huge])) : { body: huge }), kind: `huge ${size}` };
        }),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('{"body": "unterminated', "{'single': 1}", "", "[", "\u0000", '{"a":1}{"b":2}', "NaN", '{"version": 01}', "\ufeff{}")
          .map((t) => ({ body: t, headers: { "content-type": "application/json" }, kind: "malformed json" })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(valid, fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "", "application/xml"))
          .map(([v, type]) => ({ body: JSON.stringify(v), headers: (type ? { "content-type": type } : {}) as Record<string, string>, kind: `content-type ${type || "none"}` })),
      },
    );
  }
  const idemArb = fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("k1", "x".repeat(300), "clé ü") });
  return fc.record({ actor: fc.constantFrom("maya", "eli", "maya", "eli", "ada"), id: idArb, query: queryArb, body: bodyArb, idem: idemArb }).map(({ actor, id, query, body, idem }) => {
    const headers: Record<string, string> = { ...body.headers };
    if (idem) headers["idempotency-key"] = idem;
    return {
      actor: actor as Req["actor"],
      id,
      query,
      init: { method, headers, body: body.body },
      label: `${key} as ${actor}, id ${id.slice(0, 40)}, ${body.kind}${query ? `, ?${query.slice(0, 60)}` : ""}`,
    };
  });
}

let ids: Ids;
let sessions: Record<Req["actor"], HttpSession>;

test.beforeAll(async ({ baseURL }) => {
  await resetDemoData();
  ids = await loadIds();
  sessions = {
    maya: await signInHttp(baseURL!, "maya@acme.example"),
    eli: await signInHttp(baseURL!, "eli@acme.example"),
    ada: await signInHttp(baseURL!, "ada@acme.example"),
  };
});

// Leave the demo data (and the sign-in rate limit this spec's wrong passwords fed) as other specs expect it.
test.afterAll(async () => {
  await resetDemoData();
});

test("extra fields in create and update bodies are never written (no mass assignment)", async () => {
  const json = (method: string, body: unknown) => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const { maya, eli, ada } = sessions;
  const p = ids.person;
  const foreign = { orgId: ids.org.globex, personId: p.gus, authorId: p.hank, createdBy: p.hank, updatedBy: p.hank, createdAt: "2001-01-01T00:00:00Z", updatedAt: "2001-01-01T00:00:00Z", role: "admin" };
  const suppliedId = "5f0c8a9e-1111-4222-8333-444455556666";

  // Stretch goal for Eli, created by Maya.
  let res = await maya.fetch(`/api/v1/people/${p.eli}/stretch-goals`, json("POST", { title: "Pilot the new load-testing tool", category: "new_tool", ...foreign, id: suppliedId, version: 42 }));
  expect(res.status).toBe(201);
  const goal = (await res.json()) as { id: string; version: number };
  expect(goal.id).not.toBe(suppliedId);
  res = await maya.fetch(`/api/v1/stretch-goals/${goal.id}`, json("PATCH", { version: goal.version, title: "Pilot k6 for the team", ...foreign, id: suppliedId }));
  expect(res.status).toBe(200);
  // Eli's skill, added by Eli.
  res = await eli.fetch(`/api/v1/people/${p.eli}/skills`, json("POST", { name: "Load testing", status: "want_to_build", ...foreign, id: suppliedId, version: 9 }));
  expect(res.status).toBe(201);
  const skill = (await res.json()) as { id: string };
  // A shared note on Eli's scheduled 1:1, by Maya, claiming Eli (and Hank) as author and another meeting.
  const meetingId = ids.eliMeeting;
  const otherMeeting = ids.globex.meeting[0] ?? ids.acme.meeting.find((m) => m !== meetingId);
  res = await maya.fetch(`/api/v1/meetings/${meetingId}/notes`, json("POST", { visibility: "shared", body: "Mass-assignment probe", ...foreign, authorId: p.eli, meetingId: otherMeeting, version: 5 }));
  expect(res.status).toBe(201);
  const note = (await res.json()) as { id: string };
  // Eli raises a stuck signal claiming to be Gus and already acknowledged.
  res = await eli.fetch(`/api/v1/me/stuck-signals`, json("POST", { message: "Probe", ...foreign, status: "acknowledged", acknowledgedBy: p.maya, nextStep: "none" }));
  expect(res.status).toBe(201);
  const signal = (await res.json()) as { id: string };
  // Ada (admin) records a role event for Eli, claiming Globex and Gus.
  res = await ada.fetch(`/api/v1/people/${p.eli}/role-events`, json("POST", { type: "scope_change", effectiveOn: new Date().toISOString().slice(0, 10), description: "Owns load testing", ...foreign, id: suppliedId }));
  expect(res.status).toBe(201);
  const roleEvent = (await res.json()) as { id: string };

  await withE2eSql(async (sql) => {
    const one = async (table: string, id: string) => (await sql.unsafe(`select * from ${table} where id = $1`, [id]))[0] as Record<string, unknown>;
    const g = await one("stretch_goals", goal.id);
    expect(g).toMatchObject({ org_id: ids.org.acme, person_id: p.eli, version: 2, title: "Pilot k6 for the team" });
    expect((g.created_at as Date).getFullYear()).toBeGreaterThan(2020);
    const s = await one("skills", skill.id);
    expect(s).toMatchObject({ org_id: ids.org.acme, person_id: p.eli, version: 1 });
    const n = await one("notes", note.id);
    expect(n).toMatchObject({ org_id: ids.org.acme, meeting_id: meetingId, author_id: p.maya, version: 1 });
    const st = await one("stuck_signals", signal.id);
    expect(st).toMatchObject({ org_id: ids.org.acme, person_id: p.eli, status: "open", acknowledged_by: null, next_step: null });
    const re = await one("role_events", roleEvent.id);
    expect(re).toMatchObject({ org_id: ids.org.acme, person_id: p.eli });
    expect(await sql`select id from stretch_goals where id = ${suppliedId} union all select id from skills where id = ${suppliedId} union all select id from role_events where id = ${suppliedId}`).toHaveLength(0);
    // Nobody became an admin.
    const admins = await sql<{ email: string }[]>`select u.email from memberships m join users u on u.id = m.user_id where m.role = 'admin' order by 1`;
    expect(admins.map((a) => a.email)).toEqual(["ada@acme.example"]);
  });
});

test("every API route answers 2xx or a JSON 4xx to generated and hostile input, never 5xx or a stack trace", async () => {
  test.setTimeout(180_000);
  const discovered = discoverRoutes().sort();
  expect(discovered.length).toBeGreaterThan(40);
  // A new route (or method) without a fuzz entry fails here, and a stale entry too.
  expect(discovered).toEqual(Object.keys(ROUTES).sort());

  let requests = 0;
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const reached = new Set<string>();
  for (const [key, spec] of Object.entries(ROUTES)) {
    const [rel] = key.split(" ");
    // Each route runs its own seeded property; a failure is collected so one run reports every broken route.
    const out = await fc.check(
      fc.asyncProperty(requestArb(key, spec, ids), async (r) => {
        const url = `/api/v1/${rel!.replace("[id]", encodeURIComponent(r.id))}${r.query ? `?${r.query}` : ""}`;
        const res = await sessions[r.actor].fetch(url, r.init);
        requests++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status < 300) reached.add(key);
        if (process.env.API_FUZZ_DEBUG && key.includes(process.env.API_FUZZ_DEBUG)) console.log(res.status, url.slice(0, 120), r.label.slice(0, 200));
        await expectWellFormed(res, r.label);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (out.failed) failures.push(`${key}: ${String((out.errorInstance as Error | undefined)?.message ?? out.errorInstance).split("\n")[0]}`);
  }
  expect(failures, failures.join("\n")).toEqual([]);
  console.log(`api-fuzz: ${requests} requests over ${Object.keys(ROUTES).length} route methods; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  // The fuzzer must reach the domain code, not only bounce off validation and access checks.
  const unreached = Object.keys(ROUTES).filter((k) => !reached.has(k));
  console.log(`api-fuzz: no 2xx for ${unreached.join("; ")}`);
  expect(reached.size, `routes with a 2xx answer; none for: ${unreached.join("; ")}`).toBeGreaterThan(Object.keys(ROUTES).length * 0.7);

  // Whatever got written stayed inside its organization and on its person.
  await withE2eSql(async (sql) => {
    for (const table of ["stretch_goals", "skills", "learning_items", "connections", "wins", "role_events", "rotations", "stuck_signals", "pulse_checkins", "purpose_statements"]) {
      const bad = await sql.unsafe(`select t.id from ${table} t join memberships m on m.id = t.person_id where m.org_id <> t.org_id`);
      expect(bad, table).toHaveLength(0);
    }
    for (const table of ["notes", "agenda_items", "action_items"]) {
      const bad = await sql.unsafe(`select t.id from ${table} t join meetings mt on mt.id = t.meeting_id where mt.org_id <> t.org_id`);
      expect(bad, table).toHaveLength(0);
    }
    const admins = await sql`select 1 from memberships where role = 'admin'`;
    expect(admins).toHaveLength(1);
  });
});

test("every API address answers a method it does not have with 405, Allow and the JSON error shape", async () => {
  const all = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
  let checked = 0;
  for (const file of routeFiles()) {
    const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
    const has = discoverRoutes()
      .filter((k) => k.startsWith(`${rel} `))
      .map((k) => k.split(" ")[1]);
    for (const method of all.filter((m) => !has.includes(m))) {
      const url = `/api/v1/${rel.replace("[id]", "00000000-0000-4000-8000-000000000000")}`;
      const res = await sessions.maya.fetch(url, { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
      expect(res.status, `${method} ${rel}`).toBe(405);
      expect(res.headers.get("allow")?.split(", ").sort(), `${method} ${rel}`).toEqual([...has].sort());
      expect(await res.json(), `${method} ${rel}`).toMatchObject({ error: { code: "method_not_allowed", message: expect.stringContaining("This address takes") } });
      checked++;
    }
    // OPTIONS lists what works, not every method this file exports (its 405 handlers included).
    const url = `/api/v1/${rel.replace("[id]", "00000000-0000-4000-8000-000000000000")}`;
    const options = await sessions.maya.fetch(url, { method: "OPTIONS" });
    expect(options.status, `OPTIONS ${rel}`).toBe(204);
    expect(options.headers.get("allow")?.split(", ").sort(), `OPTIONS ${rel}`).toEqual([...has, ...(has.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort());
  }
  expect(checked).toBeGreaterThan(80);
});

test("an address that is not in the API answers 404 in the API's JSON shape, signed in or not, for every method", async ({ baseURL }) => {
  const anonymous = httpClient(baseURL!);
  const id = "00000000-0000-4000-8000-000000000000";
  for (const url of ["/api/v1", "/api/v1/nonsense", "/api/v1/people/" + id + "/nonsense", "/api/v1/meetings/" + id + "/agenda/extra/deep"]) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      for (const client of [sessions.maya, anonymous]) {
        const res = await client.fetch(url, { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(res.headers.get("content-type"), `${method} ${url}`).toContain("application/json");
        expect(await res.json(), `${method} ${url}`).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("no such address") } });
      }
    }
  }
});

test("signed-in pages answer hostile query strings without a server error", async () => {
  const { maya, eli, ada } = sessions;
  const hostile = ["%00", "a%00b", "%C0%AF", "%EF%BF%BF", "x".repeat(5000), "%27%3B--", "%F0%9F%9A%80", "-1", "1e309", "1.5", "99999999999999999999", "[]", "2026-13-45", "2026-02-30"];
  const pages: [HttpSession, string, string[]][] = [
    [maya, "/team", ["sort", "flag", "team", "view"]],
    [maya, "/people", ["q", "page"]],
    [maya, "/me/one-on-ones", ["page"]],
    [maya, `/people/${ids.person.eli}/one-on-ones`, ["page"]],
    [eli, "/me", ["tab"]],
    [ada, "/org", ["team", "page", "tpage", "ppage"]],
    [ada, "/admin/audit", ["actor", "action", "from", "to", "page", "cursor"]],
    [ada, "/admin/people", ["q", "page"]],
    [maya, "/signals", ["page"]],
  ];
  const errors: string[] = [];
  for (const [session, path, keys] of pages) {
    for (const value of hostile) {
      const url = `${path}?${keys.map((k) => `${k}=${value}`).join("&")}`;
      const res = await session.fetch(url);
      const body = await res.text();
      if (res.status >= 500 || STACK.test(body)) errors.push(`${url.slice(0, 120)} → ${res.status}`);
    }
  }
  expect(errors, errors.join("\n")).toEqual([]);
  // One filter at a time, so the others do not already make the page set the whole filter aside: a NUL in the action,
  // year 0 (PostgreSQL has none) and a cursor of the right shape naming no real time each reached the query (a 500).
  const shapedCursor = Buffer.from(JSON.stringify(["2026-13-45 00:00:00", "6a0c3b1e-1111-4111-8111-111111111111"])).toString("base64url");
  for (const q of ["action=%00", "from=0000-01-01", "to=0000-12-31", `cursor=${shapedCursor}`]) {
    for (const path of ["/admin/audit", "/api/v1/audit"]) {
      const res = await ada.fetch(`${path}?${q}`);
      expect(res.status, `${path}?${q}`).toBeLessThan(500);
    }
  }
  // A date of the right shape that does not exist is a 4xx with the JSON error shape on the API.
  for (const q of ["from=2026-13-45", "to=2026-02-30", "from=0000-01-01"]) {
    const res = await ada.fetch(`/api/v1/audit?${q}`);
    expect(res.status, q).toBe(422);
    expect((await res.json()).error.fields, q).toBeDefined();
  }
});
