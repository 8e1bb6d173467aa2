/**
 * Would making `newManagerId` the manager of `personId` create a loop in the
 * reporting lines? True when it is the person themselves, or when walking up
 * from the new manager reaches the person. `managerOf` maps person → manager
 * (null = top of the chain). Pure, so the CSV import and tests share it.
 */
export function createsCycle(managerOf: ReadonlyMap<string, string | null>, personId: string, newManagerId: string | null): boolean {
  if (newManagerId === null) return false;
  const seen = new Set<string>();
  let cur: string | null | undefined = newManagerId;
  while (cur) {
    if (cur === personId) return true;
    if (seen.has(cur)) return true; // an existing loop above: refuse rather than follow it forever
    seen.add(cur);
    cur = managerOf.get(cur) ?? null;
  }
  return false;
}

/** All people that take part in a reporting loop (for per-row CSV errors). */
export function peopleInCycles(managerOf: ReadonlyMap<string, string | null>): Set<string> {
  const out = new Set<string>();
  for (const start of managerOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let cur: string | null | undefined = start;
    while (cur && !onPath.has(cur)) {
      path.push(cur);
      onPath.add(cur);
      cur = managerOf.get(cur) ?? null;
    }
    if (cur && cur === start) for (const p of path) out.add(p);
  }
  return out;
}
