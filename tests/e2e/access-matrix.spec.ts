/**
 * The access matrix (tests/access/matrix.ts) through the real HTTP entry
 * points of `next start`: every cell × every API route, server action (called
 * directly by its id, outside its page) and page registered for it in
 * tests/access/entry-points.ts, with real sessions for every actor. The same
 * cells are checked against the policy module in
 * tests/integration/access-matrix.test.ts.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { and, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { radarSettingsColumns } from "@/lib/radar/settings-columns";
import { ACTORS, MATRIX, type Actor, type Outcome } from "../access/matrix";
import { buildAccessFixture, type AccessFixture } from "../access/fixture";
import {
  ACTIONS,
  ENTRIES,
  actionKey,
  registeredActionKeys,
  type Entry,
  type EntryCtx,
  type Fresh,
  type Observed,
} from "../access/entry-points";
import { httpClient, signInHttp, type HttpSession } from "../helpers/http";
import { actionOutcome, callServerAction, encodeActionArgs, pagePath, readActionManifest, type ManifestAction } from "../helpers/server-actions";
import { signIn } from "./support/auth";
import { withE2eSql } from "./support/db";
import { e2eDatabaseUrl, resetDemoData } from "./support/reset";

const { memberships, users, roleEvents, rotations, stretchGoals, learningItems, connections, skills, wins, meetings, agendaItems, actionItems, notes, stuckSignals, pulseCheckins, organizations, invitations, purposeStatements } = schema;

const ORG_COOKIE = "reignite-org";
const REPO = path.resolve(__dirname, "../..");

// The matrix deactivates Eli and Hiro and ends sessions: leave the demo data as the next spec expects it.
test.afterAll(async () => {
  await resetDemoData();
});
const today = () => new Date().toISOString().slice(0, 10);

function mondayUtc(d = new Date()): string {
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

/** Throwaway records of Eli's, created straight in the e2e database. */
function freshRecords(db: Db, fx: AccessFixture): Fresh {
  const base = { orgId: fx.orgId, personId: fx.eli };
  const one = async (q: Promise<{ id: string; version: number }[]>) => (await q)[0]!;
  return {
    roleEvent: () => one(db.insert(roleEvents).values({ ...base, type: "scope_change", effectiveOn: today(), description: "Matrix event", createdBy: fx.maya }).returning({ id: roleEvents.id, version: roleEvents.version })),
    rotation: () => one(db.insert(rotations).values({ ...base, host: "Matrix host", startOn: today(), status: "planned", createdBy: fx.maya }).returning({ id: rotations.id, version: rotations.version })),
    goal: () => one(db.insert(stretchGoals).values({ ...base, title: "Matrix goal", category: "mentoring", createdBy: fx.maya }).returning({ id: stretchGoals.id, version: stretchGoals.version })),
    learning: () => one(db.insert(learningItems).values({ ...base, kind: "book", title: "Matrix book", createdBy: fx.maya }).returning({ id: learningItems.id, version: learningItems.version })),
    connection: () => one(db.insert(connections).values({ ...base, kind: "mentor", name: "Matrix mentor", createdBy: fx.maya }).returning({ id: connections.id, version: connections.version })),
    skill: () => one(db.insert(skills).values({ ...base, name: "Matrix skill", status: "want_to_build", createdBy: fx.maya }).returning({ id: skills.id, version: skills.version })),
    win: () => one(db.insert(wins).values({ ...base, title: "Matrix win", occurredOn: today(), linksPurpose: true, authorId: fx.eli }).returning({ id: wins.id, version: wins.version })),
    meeting: (managerId) =>
      one(db.insert(meetings).values({ orgId: fx.orgId, managerId, reportId: fx.eli, scheduledAt: new Date(Date.now() + 9 * 86_400_000) }).returning({ id: meetings.id, version: meetings.version })),
    agendaItem: (meetingId) => one(db.insert(agendaItems).values({ orgId: fx.orgId, meetingId, authorId: fx.eli, body: "Matrix item", position: 99 }).returning({ id: agendaItems.id, version: agendaItems.version })),
    actionItem: (meetingId) => one(db.insert(actionItems).values({ orgId: fx.orgId, meetingId, ownerId: fx.eli, body: "Matrix action", createdBy: fx.eli }).returning({ id: actionItems.id, version: actionItems.version })),
    note: (meetingId, visibility, authorId) => one(db.insert(notes).values({ orgId: fx.orgId, meetingId, authorId, visibility, body: "Matrix note" }).returning({ id: notes.id, version: notes.version })),
    stuckSignal: async (shared) => {
      const [s] = await db.insert(stuckSignals).values({ ...base, message: "Matrix stuck", includeSkipLevel: shared, includeHr: shared }).returning({ id: stuckSignals.id });
      return { id: s!.id, version: 1 };
    },
    clearEliPulseThisWeek: async () => {
      await db.delete(pulseCheckins).where(and(eq(pulseCheckins.orgId, fx.orgId), eq(pulseCheckins.personId, fx.eli), eq(pulseCheckins.weekStart, mondayUtc())));
    },
    acmeSettings: async () => {
      const [o] = await db
        .select({ ...radarSettingsColumns, version: organizations.version })
        .from(organizations)
        .where(eq(organizations.id, fx.orgId));
      return o!;
    },
    agendaItemDone: async (id) => !!(await db.select({ done: agendaItems.done }).from(agendaItems).where(eq(agendaItems.id, id)))[0]?.done,
    actionItemDone: async (id) => !!(await db.select({ d: actionItems.doneAt }).from(actionItems).where(eq(actionItems.id, id)))[0]?.d,
    meetingVersion: async (id) => (await db.select({ v: meetings.version }).from(meetings).where(eq(meetings.id, id)))[0]!.v,
    eliPurposeVersion: async () =>
      (await db.select({ v: sql<number>`coalesce(max(${purposeStatements.version}), 0)::int` }).from(purposeStatements).where(eq(purposeStatements.personId, fx.eli)))[0]!.v,
    eliTitleTeam: async () => (await db.select({ title: memberships.title, team: memberships.team }).from(memberships).where(eq(memberships.id, fx.eli)))[0]!,
    acmeInvited: async (email) => (await db.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.orgId, fx.orgId), eq(invitations.email, email)))).length > 0,
    invitation: async () => {
      const [i] = await db
        .insert(invitations)
        .values({ orgId: fx.orgId, email: `matrix-${Math.random().toString(36).slice(2, 10)}@example.org`, name: "Matrix Invitee", tokenHash: Math.random().toString(36).repeat(4), expiresAt: new Date(Date.now() + 86_400_000) })
        .returning({ id: invitations.id });
      return { id: i!.id, version: 1 };
    },
  };
}

/** The status of a route or page answer, in matrix terms. */
function statusOutcome(res: Response): Outcome | string {
  if (res.status >= 200 && res.status < 300) return "allow";
  if ([401, 403, 404].includes(res.status)) return res.status as Outcome;
  const loc = res.headers.get("location");
  if (res.status >= 300 && res.status < 400 && loc && new URL(loc, "http://x").pathname === "/login") return 401;
  return `HTTP ${res.status}`;
}

function matches(expected: Outcome, got: Outcome | string): boolean {
  if (got === "denied") return expected !== "allow"; // a form action that returns nothing and changed nothing
  return got === expected;
}

test("access matrix over HTTP: every cell through every API route, server action and page", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const started = Date.now();
  await resetDemoData();
  const client = postgres(e2eDatabaseUrl(), { max: 4, onnotice: () => {} });
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  try {
    // 1. Every server action of the build has a registry entry (or a classified reason).
    const manifest = readActionManifest(REPO);
    const byKey = new Map<string, ManifestAction>(manifest.map((a) => [actionKey({ file: a.filename, name: a.exportedName }), a]));
    const known = registeredActionKeys();
    expect([...byKey.keys()].filter((k) => !known.has(k)), "server actions without an access-matrix entry (add them to tests/access/entry-points.ts)").toEqual([]);
    expect([...known].filter((k) => !byKey.has(k)), "registered server actions missing from the build").toEqual([]);

    // 2. The fixture: the former-manager change goes through Ada's real change-manager action.
    const ada = await signInHttp(baseURL!, "ada@acme.example");
    const changeManager = byKey.get("app/(app)/people/[id]/actions.ts#changeManagerAction")!;
    const fx = await buildAccessFixture(db, {
      changeManager: async (person, managerId, fromManagerId) => {
        // As the page sends it: the manager chosen, and the one the form showed.
        const r = await callServerAction(ada, changeManager.id, `/people/${person}`, [person, null, { form: { managerId, basedOnManagerId: fromManagerId } }]);
        expect(actionOutcome(r), `change Eli's manager as Ada: ${r.text.slice(0, 300)}`).toBe("allow");
      },
    });
    const [eliNow] = await db.select({ managerId: memberships.managerId }).from(memberships).where(eq(memberships.id, fx.eli));
    expect(eliNow!.managerId).toBe(fx.maya);

    // 3. A session per actor. The deactivated actor is an admin (Hiro, promoted) whose
    // membership is deactivated after sign-in; the stale one is Eli signed in before a
    // password change (sessions_valid_after moved past it), then Eli signs in again.
    await db.execute(sql`UPDATE memberships SET role = 'admin' WHERE user_id = (SELECT id FROM users WHERE email = 'hiro@acme.example')`);
    const hiro = await signInHttp(baseURL!, "hiro@acme.example");
    await db.execute(sql`UPDATE memberships SET deactivated_at = now() WHERE user_id = (SELECT id FROM users WHERE email = 'hiro@acme.example')`);
    const staleEli = await signInHttp(baseURL!, "eli@acme.example");
    await new Promise((r) => setTimeout(r, 20));
    await db.update(users).set({ sessionsValidAfter: sql`now()` }).where(eq(users.email, "eli@acme.example"));
    await new Promise((r) => setTimeout(r, 20));
    const sessions: Record<Actor, HttpSession> = {
      self: await signInHttp(baseURL!, "eli@acme.example"),
      manager: await signInHttp(baseURL!, "maya@acme.example"),
      skipLevel: await signInHttp(baseURL!, "dana@acme.example"),
      formerManager: await signInHttp(baseURL!, "omar@acme.example"),
      peer: await signInHttp(baseURL!, "jonah@acme.example"),
      admin: ada,
      otherOrgAdmin: await signInHttp(baseURL!, "gina@globex.example"),
      otherOrgMember: await signInHttp(baseURL!, "hank@globex.example"),
      anonymous: httpClient(baseURL!),
      deactivated: hiro,
      stalePassword: staleEli,
    };
    // Organization-level entry points act on the active organization: everyone asks for Acme's.
    for (const s of Object.values(sessions)) s.jar.set(ORG_COOKIE, fx.orgId);

    const fresh = freshRecords(db, fx);
    const ids = { ...fx };
    const failures: string[] = [];
    const cells = new Set<string>();
    let requests = 0;
    const tally: Record<string, number> = {};

    async function observe(entry: Entry, c: EntryCtx): Promise<Observed> {
      const s = sessions[c.actor];
      if (entry.kind === "page") {
        let res = await s.fetch(entry.path(c));
        // A page may send the viewer to their own version of it (Eli's plan → /me); follow that once.
        const loc = res.headers.get("location");
        if (res.status >= 300 && res.status < 400 && loc && new URL(loc, baseURL).pathname !== "/login") res = await s.fetch(loc);
        return { outcome: statusOutcome(res), status: res.status, text: await res.text() };
      }
      if (entry.kind === "route") {
        const r = await entry.request(c);
        const url = r.path + (r.query ? `?${new URLSearchParams(r.query)}` : "");
        const init: RequestInit = { method: r.method };
        if (r.method !== "GET") init.headers = { Origin: new URL(baseURL!).origin, ...(r.body !== undefined ? { "Content-Type": "application/json" } : {}) };
        if (r.body !== undefined) init.body = JSON.stringify(r.body);
        const res = await s.fetch(url, init);
        const text = await res.text();
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        return { outcome: statusOutcome(res), status: res.status, text, json };
      }
      const a = byKey.get(actionKey(entry))!;
      const args = await entry.args(c);
      const page = entry.page ? entry.page(c) : pagePath(a.pages[0]!, { id: ids.eli });
      const r = await callServerAction(s, a.id, page, args);
      let outcome = actionOutcome(r);
      if (entry.effect && r.status === 200 && !r.redirect) outcome = (await entry.effect(c)) ? "allow" : "denied";
      return { outcome, status: r.status, text: r.text, json: r.value };
    }

    async function check(entry: Entry, resource: EntryCtx["resource"], action: EntryCtx["action"], actor: Actor) {
      const former = actor === "formerManager";
      const c: EntryCtx = {
        actor,
        resource,
        action,
        ids,
        meeting: former ? fx.oldMeeting : fx.currentMeeting,
        meetingManager: former ? fx.omar : fx.maya,
        fresh,
        memo: {},
      };
      const expected = (entry.narrower?.actors[actor] ?? MATRIX[resource][actor][action]) as Outcome;
      const o = await observe(entry, c);
      const got = entry.judge ? await entry.judge(o, c) : o.outcome;
      requests++;
      tally[String(expected)] = (tally[String(expected)] ?? 0) + 1;
      cells.add(`${resource}.${action}.${actor}`);
      if (!matches(expected, got)) {
        const name = entry.kind === "route" ? `${entry.method} ${entry.route}${entry.variant ? ` (${entry.variant})` : ""}` : entry.kind === "action" ? `action ${entry.name}` : `page ${entry.path(c)}`;
        failures.push(`${resource}.${action} as ${actor} via ${name}: expected ${expected}, got ${got} (HTTP ${o.status}: ${o.text.replace(/\s+/g, " ").slice(0, 160)})`);
      }
    }

    const jobs = (entries: Entry[]) => entries.flatMap((e) => e.cells.map((cell) => ({ e, cell })));
    // Entries run in parallel; each entry's cells and actors in order (so an entry's
    // before/after checks, e.g. Acme's settings version, are not raced by itself).
    const now = jobs(ENTRIES.filter((e) => !e.last));
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < now.length) {
          const { e, cell } = now[next++]!;
          for (const actor of ACTORS) await check(e, cell.resource, cell.action, actor);
        }
      }),
    );
    // Last: entry points that end sessions (deactivating Eli); permitted actors go last.
    for (const { e, cell } of jobs(ENTRIES.filter((x) => x.last))) {
      const order = [...ACTORS].sort((a, b) => Number(MATRIX[cell.resource][a][cell.action] === "allow") - Number(MATRIX[cell.resource][b][cell.action] === "allow"));
      for (const actor of order) await check(e, cell.resource, cell.action, actor);
    }
    const [eliAfter] = await db.select({ d: memberships.deactivatedAt }).from(memberships).where(eq(memberships.id, fx.eli));
    expect(eliAfter!.d, "Ada's permitted deactivation of Eli took effect").not.toBeNull();

    const actionCount = new Set(ACTIONS.map(actionKey)).size;
    console.log(
      `[access-matrix] http: ${cells.size} cells checked via ${requests} requests (${ENTRIES.filter((e) => e.kind === "route").length} API routes, ${actionCount} server actions, ${ENTRIES.filter((e) => e.kind === "page").length} pages) in ${((Date.now() - started) / 1000).toFixed(1)} s; expected ${Object.entries(tally).map(([k, n]) => `${k}: ${n}`).join(", ")}`,
    );
    expect(failures, failures.join("\n")).toEqual([]);
    expect(cells.size).toBe(Object.values(MATRIX).reduce((n, row) => n + Object.keys(row.self).length, 0) * ACTORS.length);
  } finally {
    await client.end({ timeout: 5 });
  }
});

/** Multipart fields of a browser request body (name → value). */
function multipartFields(body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of body.matchAll(/name="([^"]+)"\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g)) out.set(m[1]!, m[2]!);
  return out;
}

test("the direct server-action caller sends what the browser sends, and its answer is the form's", async ({ page, baseURL }) => {
  await resetDemoData();
  const manifest = readActionManifest(REPO);
  const idOf = (file: string, name: string) => manifest.find((a) => a.filename === file && a.exportedName === name)!.id;
  const eli = await withE2eSql(async (s) => (await s<{ id: string }[]>`select m.id from memberships m join users u on u.id = m.user_id where u.email = 'eli@acme.example'`)[0]!.id);

  // Ada saves Eli's title and team through the admin form: a bound action (personId) with useActionState.
  await signIn(page, "ada@acme.example", { to: `/people/${eli}` });
  const sent = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByRole("form", { name: "Change title or team" }).getByRole("button", { name: "Save title and team" }).click();
  const req = await sent;
  await expect(page.getByText("Nothing changed.")).toBeVisible();
  const h = await req.allHeaders();
  expect(h["next-action"]).toBe(idOf("app/(app)/people/[id]/actions.ts", "changeTitleTeamAction"));
  expect(h["origin"]).toBe(new URL(baseURL!).origin);
  expect(h["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  const browser = multipartFields(req.postData()!);
  const root = JSON.parse(browser.get("0")!) as unknown[];
  // [bound personId, previous state (null), the form's FormData]
  expect(root).toHaveLength(3);
  expect(root[0]).toBe(eli);
  expect([null, "$undefined"]).toContain(root[1]);
  expect(root[2]).toBe("$K1");
  const fieldName = /^_1_(title|team|effectiveOn|basedOnTitle|basedOnTeam)$/;
  const formFields = Object.fromEntries([...browser].filter(([k]) => fieldName.test(k)).map(([k, v]) => [k.slice(3), v]));
  expect(Object.keys(formFields).sort()).toEqual(["basedOnTeam", "basedOnTitle", "effectiveOn", "team", "title"]);

  // The helper's encoding of the same call has the same shape, and the server answers it like the form.
  const ours = encodeActionArgs([eli, null, { form: formFields }]);
  expect(ours.body).toBeInstanceOf(FormData);
  const oursFields = [...(ours.body as FormData).keys()].sort();
  expect(oursFields).toEqual([...browser.keys()].filter((k) => k === "0" || fieldName.test(k)).sort());
  const ada = await signInHttp(baseURL!, "ada@acme.example");
  const direct = await callServerAction(ada, h["next-action"]!, `/people/${eli}`, [eli, null, { form: formFields }]);
  expect(actionOutcome(direct)).toBe("allow");
  expect((direct.value as { message?: string }).message).toBe("Nothing changed.");

  // The same request from Eli, outside the page: refused like the page would refuse it.
  const eliHttp = await signInHttp(baseURL!, "eli@acme.example");
  const refused = await callServerAction(eliHttp, h["next-action"]!, `/me`, [eli, null, { form: formFields }]);
  expect(actionOutcome(refused)).toBe(403);
});
