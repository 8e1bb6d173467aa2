"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FLAG_CODES, type FlagCode } from "@/lib/policy/rules";
import { FLAG_LABELS, type TeamSort } from "@/lib/radar/team-view";

/**
 * /team's sort and filter form: a plain GET form (works without JavaScript).
 * A client component fed the team names, not server-rendered markup: a
 * subtree can span dozens of teams, and each server-rendered option would
 * travel twice (as HTML and again in the RSC payload).
 */
export function TeamFilters({
  subtree,
  sort,
  flag,
  team,
  teams,
  clearHref,
}: {
  subtree: boolean;
  sort: TeamSort;
  flag: FlagCode | null;
  team: string | null;
  teams: string[];
  /** Where "Clear" goes; null when nothing is set. */
  clearHref: string | null;
}) {
  return (
    // The selects must show the filters in effect, not what was last picked: keyed by the URL's
    // filters for client-side navigation (defaultValue applies only when mounted), and without
    // the browser's form restoration after Back/Forward (autoComplete off).
    <form key={`${subtree}|${sort}|${flag ?? ""}|${team ?? ""}`} method="get" action="/team" autoComplete="off" className="flex flex-wrap items-end gap-3" aria-label="Sort and filter">
      {subtree ? <input type="hidden" name="view" value="subtree" /> : null}
      <div className="text-sm">
        <label htmlFor="team-sort" className="block font-medium">
          Sort by
        </label>
        <select id="team-sort" name="sort" defaultValue={sort} className={inputClass}>
          <option value="risk">Risk</option>
          <option value="months">Time in role</option>
          <option value="name">Name</option>
          <option value="team">Team</option>
        </select>
      </div>
      <div className="text-sm">
        <label htmlFor="team-flag" className="block font-medium">
          Flag
        </label>
        <select id="team-flag" name="flag" defaultValue={flag ?? ""} className={inputClass}>
          <option value="">Any</option>
          {FLAG_CODES.map((c) => (
            <option key={c} value={c}>
              {subtree && c in ONLY_WHERE_YOU_SEE ? `${FLAG_LABELS[c]} (${ONLY_WHERE_YOU_SEE[c]})` : FLAG_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      {teams.length > 1 ? (
        <div className="text-sm">
          <label htmlFor="team-team" className="block font-medium">
            Team
          </label>
          <select id="team-team" name="team" defaultValue={team ?? ""} className={inputClass}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
      {clearHref ? (
        <Link href={clearHref} className="py-2 text-sm underline">
          Clear
        </Link>
      ) : null}
    </form>
  );
}

/**
 * Flags a skip-level sees only for some of their subtree (ACCESS.md: derived flags inherit the privacy of their
 * inputs). Unnamed, "Pulse worsening" finding nobody across 400 people read as "nobody's pulse is worsening".
 */
const ONLY_WHERE_YOU_SEE: Partial<Record<FlagCode, string>> = {
  pulse_worsening: "your direct reports only",
  stuck_unacknowledged: "signals sent to you only",
};
