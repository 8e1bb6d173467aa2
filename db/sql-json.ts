/** Helpers for statements that build JSON in PostgreSQL (one round trip for several lists). */
import { sql, type SQL } from "drizzle-orm";

/** A timestamp as JavaScript's toISOString() writes it (UTC, milliseconds, "Z"): JSON from PostgreSQL then compares equal to a Date read by drizzle. */
export const isoOf = (col: string): SQL => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
