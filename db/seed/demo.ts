/**
 * The deterministic demo data set: Acme Robotics (Dana → Maya/Omar/Ada → ten
 * reports) and Globex (Gina → Hank), two years of 1:1s, growth plans, pulses
 * and signals. Every date is relative to `now`, and all "variety" comes from a
 * fixed-seed PRNG, so the same `now` always yields the same rows.
 */
import type { Db } from "../client";
import { hashPassword } from "../../lib/auth/password";
import { emptyRows, TABLES, type Ctx, type Person, type Rows } from "./context";
import { buildGrowth } from "./growth";
import { buildMeetings } from "./meetings";
import { currentTitleTeam, emailOf, ORGS, PEOPLE, ROTATIONS } from "./people";
import { buildSignals } from "./signals";
import { makeClock, makeIds, makeRng } from "./time";

export const DEMO_PASSWORD = "reignite-demo";

export const DEMO_ACCOUNTS: { email: string; name: string; org: string; role: string }[] = PEOPLE.map((p) => ({
  email: emailOf(p),
  name: p.name,
  org: ORGS.find((o) => o.key === p.org)?.name ?? p.org,
  role: p.about,
}));

const RNG_SEED = 0x5eed_d3a0;
const ID_SEED = 0x1d5_7a7e;

/** Builds every row in memory (pure: no database), in insert order. */
export function buildDemoRows(now: Date, passwordHash: string): Rows {
  const clock = makeClock(now);
  const rows = emptyRows();
  const id = makeIds(ID_SEED);
  const orgIds = new Map(ORGS.map((o) => [o.key, id()]));
  const people = new Map<string, Person>();
  const rotationIds = new Map(ROTATIONS.map((r) => [r.key, id()]));

  const ctx: Ctx = {
    rng: makeRng(RNG_SEED),
    id,
    clock,
    rows,
    person: (key) => {
      const p = people.get(key);
      if (!p) throw new Error(`unknown demo person ${key}`);
      return p;
    },
    rotationId: (key) => {
      const r = rotationIds.get(key);
      if (!r) throw new Error(`unknown demo rotation ${key}`);
      return r;
    },
  };

  for (const o of ORGS) {
    const createdAt = clock.at(o.createdAt);
    rows.organizations.push({ id: orgIds.get(o.key), slug: o.slug, name: o.name, createdAt, updatedAt: createdAt });
  }

  for (const spec of PEOPLE) {
    const orgId = orgIds.get(spec.org) as string;
    people.set(spec.key, { id: id(), orgId, spec, first: spec.name.split(" ")[0] as string });
  }

  for (const p of people.values()) {
    const { spec } = p;
    const first = spec.events[0];
    const last = spec.events.at(-1);
    if (!first?.newTitle || !first.newTeam || !last) throw new Error(`${spec.key}: first role event must set title and team`);
    const joinedAt = clock.at(first.on);
    const userId = id();
    rows.users.push({ id: userId, email: emailOf(spec).toLowerCase(), name: spec.name, passwordHash, createdAt: joinedAt });
    const manager = spec.manager ? ctx.person(spec.manager) : undefined;
    rows.memberships.push({
      id: p.id, orgId: p.orgId, userId, role: spec.role, managerId: manager?.id ?? null, ...currentTitleTeam(spec),
      cadenceDays: spec.cadenceDays ?? null, createdAt: joinedAt, updatedAt: clock.at(last.on),
    });
    for (const e of spec.events) {
      rows.roleEvents.push({
        id: id(), orgId: p.orgId, personId: p.id, type: e.type, effectiveOn: clock.date(e.on), description: e.description,
        newTitle: e.newTitle ?? null, newTeam: e.newTeam ?? null, rotationId: e.rotation ? ctx.rotationId(e.rotation) : null,
        createdBy: (manager ?? p).id, createdAt: clock.at(e.on), updatedAt: clock.at(e.on),
      });
    }
  }

  for (const r of ROTATIONS) {
    const p = ctx.person(r.person);
    const manager = p.spec.manager ? ctx.person(p.spec.manager) : p;
    rows.rotations.push({
      id: ctx.rotationId(r.key), orgId: p.orgId, personId: p.id, host: r.host, startOn: clock.date(r.startOn),
      plannedEndOn: clock.date(r.plannedEndOn), endedOn: r.endedOn ? clock.date(r.endedOn) : null, status: r.status,
      learningGoal: r.learningGoal, createdBy: manager.id, createdAt: clock.at(r.startOn), updatedAt: clock.at(r.endedOn ?? r.startOn),
    });
  }

  buildGrowth(ctx);
  buildMeetings(ctx);
  buildSignals(ctx);
  checkOrgsNeverMix(rows);
  return rows;
}

/** Every reference to a membership must stay inside the row's own organization. */
function checkOrgsNeverMix(rows: Rows): void {
  const orgOf = new Map(rows.memberships.map((m) => [m.id, m.orgId]));
  const meetingOrg = new Map(rows.meetings.map((m) => [m.id, m.orgId]));
  const refs = ["personId", "managerId", "reportId", "ownerId", "authorId", "otherPersonId", "createdBy", "updatedBy", "acknowledgedBy"];
  for (const [table, list] of Object.entries(rows)) {
    for (const row of list as Record<string, unknown>[]) {
      for (const ref of refs) {
        const v = row[ref];
        if (typeof v === "string" && orgOf.get(v) !== row.orgId) throw new Error(`demo seed: ${table}.${ref} crosses organizations`);
      }
      const m = row.meetingId;
      if (typeof m === "string" && meetingOrg.get(m) !== row.orgId) throw new Error(`demo seed: ${table}.meetingId crosses organizations`);
    }
  }
}

const CHUNK = 500;

/** Inserts the demo data set in one transaction. Fails (unique slug) if it is already there. */
export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2 is deliberately slow
  const rows = buildDemoRows(opts.now ?? new Date(), passwordHash);
  await db.transaction(async (tx) => {
    for (const key of Object.keys(TABLES) as (keyof Rows)[]) {
      const list = rows[key];
      for (let i = 0; i < list.length; i += CHUNK) {
        await tx.insert(TABLES[key]).values(list.slice(i, i + CHUNK) as never);
      }
    }
  });
}
