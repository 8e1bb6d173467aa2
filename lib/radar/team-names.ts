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
