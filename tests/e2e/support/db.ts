import postgres from "postgres";
import { e2eDatabaseUrl } from "./reset";

/** Runs SQL against the e2e server's database (to change facts behind a signed-in session). */
export async function withE2eSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function userIdOf(email: string): Promise<string> {
  return withE2eSql(async (sql) => {
    const [r] = await sql<{ id: string }[]>`select id from users where lower(email) = ${email.toLowerCase()}`;
    if (!r) throw new Error(`no user ${email}`);
    return r.id;
  });
}

export async function personIdOf(email: string): Promise<string> {
  return withE2eSql(async (sql) => {
    const [r] = await sql<{ id: string }[]>`select m.id from memberships m join users u on u.id = m.user_id where lower(u.email) = ${email.toLowerCase()}`;
    if (!r) throw new Error(`no person ${email}`);
    return r.id;
  });
}

/** The person's first 1:1 still scheduled (with their current manager, in the demo data). */
export async function nextMeetingOf(personId: string): Promise<string> {
  return withE2eSql(async (sql) => {
    const [r] = await sql<{ id: string }[]>`select id from meetings where report_id = ${personId} and status = 'scheduled' order by scheduled_at limit 1`;
    if (!r) throw new Error(`no scheduled 1:1 for ${personId}`);
    return r.id;
  });
}
