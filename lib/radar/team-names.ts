/** Team names as people type them: capitals and spacing aside. */
export function foldTeamName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

/**
 * The team a typed name means when it matches none exactly but one differs
 * only in capitals or spacing ("platform " → "Platform"); null otherwise, or
 * when several do (then the choice is the person's).
 */
export function closeTeamName(typed: string, teams: readonly string[]): string | null {
  const want = foldTeamName(typed);
  if (!want) return null;
  const found = teams.filter((t) => t !== typed && foldTeamName(t) === want);
  return found.length === 1 ? found[0]! : null;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * The one order of team lists (/org's tables): alphabetical whatever the capitals ("design" beside "Data", not after
 * "Platform" as a byte order puts it), and "no team" last. Both tables sort with it, so a team sits on the same line of
 * each; the database's collation differs between servers, so the order is not left to ORDER BY.
 */
export function compareTeamNames(a: string | null, b: string | null): number {
  if (!a || !b) return !a && !b ? 0 : !a ? 1 : -1;
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
