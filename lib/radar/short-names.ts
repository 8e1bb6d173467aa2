/**
 * Names short enough for a chart's narrow label column: the first name and the last name's initial ("Fatima H."),
 * where "Fatima Hadd…" was cut mid-word. Two people who would read alike keep their full names, so no bar is
 * mistaken for another; a one-word name stays as it is. The full names stay in the chart's text alternative.
 */
export function shortNames(names: readonly string[]): string[] {
  const short = names.map((n) => {
    const words = n.trim().split(/\s+/);
    const last = words.at(-1);
    return words.length > 1 && last ? `${words[0]} ${Array.from(last)[0]!.toLocaleUpperCase()}.` : n.trim();
  });
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) if (short[i] !== names[i]!.trim()) seen.set(short[i]!, (seen.get(short[i]!) ?? 0) + 1);
  const taken = new Set(names.map((n) => n.trim()));
  return short.map((s, i) => ((seen.get(s) ?? 0) > 1 || (s !== names[i]!.trim() && taken.has(s)) ? names[i]!.trim() : s));
}
