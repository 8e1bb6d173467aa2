/**
 * Deterministic building blocks for the demo data: a seeded PRNG, stable ids,
 * and dates relative to a fixed "now" (all UTC), so the data set reads the
 * same ("27 months in role") whenever it is seeded.
 */

/** mulberry32: tiny, fast, good enough for picking demo variety. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = {
  next: () => number;
  int: (min: number, max: number) => number; // inclusive
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
};

export function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from empty list");
      return items[int(0, items.length - 1)] as T;
    },
    chance: (p: number) => next() < p,
  };
}

/** UUID v4-shaped ids from their own PRNG stream, so ids are stable too. */
export function makeIds(seed: number): () => string {
  const next = mulberry32(seed);
  return () => {
    const hex = Array.from({ length: 4 }, () => Math.floor(next() * 4294967296).toString(16).padStart(8, "0")).join("");
    const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

const DAY = 86_400_000;

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Same day of month `months` later (negative = earlier), clamped to the month's last day. */
function addMonthsUtc(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/** Monday (UTC) of the week containing `d`, as YYYY-MM-DD. */
export function mondayOf(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const offset = (day.getUTCDay() + 6) % 7;
  return isoDate(new Date(day.getTime() - offset * DAY));
}

/**
 * Relative times. A spec is "-27m" (27 calendar months ago), "-35d" (35 days ago),
 * "+2m", "+5d", or a number of days (negative = past).
 */
export type When = string | number;

export type Clock = {
  now: Date;
  /** `now` floored to the hour: meeting times are whole hours, and "35 days ago" stays 35 whole days. */
  base: Date;
  days: (n: number) => Date;
  /** The calendar date of a spec. */
  date: (w: When) => string;
  /** A timestamp for a spec: day specs keep base's time of day; month specs are 09:00 UTC. Never after now. */
  at: (w: When) => Date;
  /** Clamp a timestamp to now (created/updated/done times must not be in the future). */
  cap: (d: Date) => Date;
};

function parse(w: When): { unit: "d" | "m"; n: number } {
  if (typeof w === "number") return { unit: "d", n: w };
  const m = /^([+-]?\d+)([dm])$/.exec(w);
  if (!m) throw new Error(`bad relative date: ${w}`);
  return { unit: m[2] as "d" | "m", n: Number(m[1]) };
}

export function makeClock(now: Date): Clock {
  const base = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const cap = (d: Date) => (d.getTime() > now.getTime() ? new Date(now) : d);
  const days = (n: number) => new Date(base.getTime() + n * DAY);
  const resolve = (w: When): Date => {
    const { unit, n } = parse(w);
    if (unit === "d") return days(n);
    const d = addMonthsUtc(base, n);
    return new Date(d.getTime() + 9 * 3_600_000);
  };
  return {
    now,
    base,
    days,
    date: (w) => isoDate(resolve(w)),
    at: (w) => {
      const d = resolve(w);
      return parse(w).n > 0 ? d : cap(d);
    },
    cap,
  };
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY);
}
