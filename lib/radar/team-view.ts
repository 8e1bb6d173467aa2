/** Sorting and filtering of radar rows for /team (pure: the rows are already the viewer's). */
import { FLAG_CODES, type FlagCode } from "@/lib/policy/rules";
import { RISK_ORDER, type RiskLevel } from "./rules";

export const TEAM_SORTS = ["risk", "name", "months", "team"] as const;
export type TeamSort = (typeof TEAM_SORTS)[number];

type Sortable = { name: string; team: string; monthsInRole: number; risk: RiskLevel; flags: { code: FlagCode }[] };

/** Cards per page on /team: a whole subtree (hundreds of people) is counted and filtered, but rendered a page at a time. */
export const TEAM_PAGE_SIZE = 25;

export type TeamQuery = { sort: TeamSort; flag: FlagCode | null; team: string | null; subtree: boolean; page: number };

export function parseTeamQuery(sp: Record<string, string | string[] | undefined>): TeamQuery {
  const one = (k: string) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const sort = one("sort");
  const flag = one("flag");
  const team = one("team");
  const page = Number(one("page"));
  return {
    sort: (TEAM_SORTS as readonly string[]).includes(sort ?? "") ? (sort as TeamSort) : "risk",
    flag: (FLAG_CODES as readonly string[]).includes(flag ?? "") ? (flag as FlagCode) : null,
    team: team ? team : null,
    subtree: one("view") === "subtree",
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** Risk first (at risk, watch, none), then more flags, then longer in role, then name. */
export function sortRadar<T extends Sortable>(people: T[], sort: TeamSort): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  const cmp: Record<TeamSort, (a: T, b: T) => number> = {
    risk: (a, b) => RISK_ORDER[b.risk] - RISK_ORDER[a.risk] || b.flags.length - a.flags.length || b.monthsInRole - a.monthsInRole || byName(a, b),
    name: byName,
    months: (a, b) => b.monthsInRole - a.monthsInRole || byName(a, b),
    team: (a, b) => a.team.localeCompare(b.team) || byName(a, b),
  };
  return [...people].sort(cmp[sort]);
}

/** One page of an already sorted list; a page past the end shows the last one. */
export function pageOf<T>(items: T[], page: number, size = TEAM_PAGE_SIZE): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { items: items.slice((p - 1) * size, p * size), page: p, pages };
}

export function filterRadar<T extends Sortable>(people: T[], f: { flag: FlagCode | null; team: string | null }): T[] {
  return people.filter((p) => (!f.flag || p.flags.some((x) => x.code === f.flag)) && (!f.team || p.team === f.team));
}

export const FLAG_LABELS: Record<FlagCode, string> = {
  role_stale: "Same role",
  no_stretch: "No stretch",
  one_on_one_overdue: "1:1 overdue",
  pulse_worsening: "Pulse worsening",
  stuck_unacknowledged: "Stuck, unacknowledged",
  learning_gap: "Learning gap",
  skills_unused: "Skills unused",
};

export const RISK_LABELS: Record<RiskLevel, string> = { at_risk: "At risk", watch: "Watch", none: "No flags" };
