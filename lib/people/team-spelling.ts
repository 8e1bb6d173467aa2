import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { closeTeamName, foldTeamName } from "@/lib/radar/team-names";
import type { Tx } from "@/lib/transaction";

/**
 * A typed team name, spelled as the organization already spells it when it
 * differs only in capitals or spacing ("platform " → "Platform"). Teams are
 * free text, and "platform" typed in an invitation became a second team next
 * to "Platform" on /team's filter and in /org's aggregates. Only active members'
 * teams count; `exceptPersonId` leaves out the person being changed, so an
 * admin can still correct that person's own spelling. Several spellings
 * already in use: the typed one is kept (nothing to choose between safely).
 */
export async function teamAsSpelled(db: Db | Tx, orgId: string, typed: string, exceptPersonId?: string): Promise<string> {
  const want = foldTeamName(typed);
  if (!want) return typed;
  // [[:space:]], not \s: in this template \s would reach PostgreSQL as a plain "s", so no team with an "s" matched.
  const found = rows<{ team: string }>(
    await db.execute(sql`
      SELECT DISTINCT team FROM memberships
       WHERE org_id = ${orgId} AND deactivated_at IS NULL AND team <> ''
         AND lower(regexp_replace(btrim(team), '[[:space:]]+', ' ', 'g')) = ${want}
         ${exceptPersonId ? sql`AND id <> ${exceptPersonId}` : sql``}`),
  );
  return closeTeamName(typed, found.map((f) => f.team)) ?? typed;
}
