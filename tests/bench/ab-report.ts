/**
 * `npm run bench:ab`'s arithmetic, kept pure so it is unit-tested: per page,
 * the median over rounds of what one request cost on each build (app and
 * PostgreSQL CPU under load, and the app's CPU as a multiple of `/login`'s
 * measured on the same server in the same round), and the change.
 */
export type AbSide = "base" | "head";

/** One page measured once on one build's server (CPU per request under load, ms). */
export type AbSample = { side: AbSide; round: number; page: string; app: number; db: number; rps: number };

export type AbRow = {
  page: string;
  base: { app: number; db: number; perLogin: number | null; rps: number };
  head: { app: number; db: number; perLogin: number | null; rps: number };
  /** Relative change of app + PostgreSQL CPU per request, head vs base (−0.2 = 20% less). */
  cpuChange: number;
  /** The same for the app's CPU as a multiple of /login's, which cancels most of a shared machine's drift. */
  perLoginChange: number | null;
  /** Each round's app CPU as a multiple of /login's, base and head, for the spread. */
  rounds: { base: (number | null)[]; head: (number | null)[] };
};

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Compares the builds page by page; `reference` (default "login") is the page every other is divided by. */
export function summarizeAb(samples: AbSample[], reference = "login"): AbRow[] {
  const pages = [...new Set(samples.map((s) => s.page))];
  const refOf = (side: AbSide, round: number) => samples.find((s) => s.side === side && s.round === round && s.page === reference) ?? null;
  return pages.map((page) => {
    const side = (which: AbSide) => {
      const mine = samples.filter((s) => s.side === which && s.page === page);
      const perLogin = mine.map((s) => {
        const ref = refOf(which, s.round);
        return ref && ref.app > 0 ? s.app / ref.app : null;
      });
      const known = perLogin.filter((x): x is number => x !== null);
      return {
        summary: {
          app: round2(median(mine.map((s) => s.app))),
          db: round2(median(mine.map((s) => s.db))),
          perLogin: known.length ? round2(median(known)) : null,
          rps: round2(median(mine.map((s) => s.rps))),
        },
        rounds: perLogin.map((x) => (x === null ? null : round2(x))),
      };
    };
    const base = side("base");
    const head = side("head");
    const cpu = (x: { app: number; db: number }) => x.app + x.db;
    return {
      page,
      base: base.summary,
      head: head.summary,
      cpuChange: round2(cpu(head.summary) / cpu(base.summary) - 1),
      perLoginChange:
        page === reference || base.summary.perLogin === null || head.summary.perLogin === null ? null : round2(head.summary.perLogin / base.summary.perLogin - 1),
      rounds: { base: base.rounds, head: head.rounds },
    };
  });
}

/** The order the builds run in, round by round: base, head, head, base, … so a drifting machine favours neither. */
export function abOrder(rounds: number): { round: number; side: AbSide }[] {
  const out: { round: number; side: AbSide }[] = [];
  for (let r = 1; r <= rounds; r++) {
    const first: AbSide = r % 2 ? "base" : "head";
    out.push({ round: r, side: first }, { round: r, side: first === "base" ? "head" : "base" });
  }
  return out;
}
