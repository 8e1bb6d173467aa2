import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";

type Versioned = "meetings" | "agenda_items" | "action_items" | "notes" | "stretch_goals" | "learning_items" | "connections" | "skills" | "wins" | "role_events" | "rotations";

/**
 * The version a row has now, for tests that change a row as someone who has just read it: every edit and
 * delete carries the version it was based on.
 */
export async function versionOf(db: Db, table: Versioned, id: string): Promise<number> {
  const [row] = rows<{ version: number }>(await db.execute(sql`SELECT version FROM ${sql.identifier(table)} WHERE id = ${id}`));
  if (!row) throw new Error(`No ${table} row ${id}`);
  return row.version;
}
