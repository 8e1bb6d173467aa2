/** What every synth statement needs to know, as SQL expressions (validated values only). */
export type SynthContext = {
  /** SQL expression for the organization id. */
  orgId: string;
  /** SQL expression: the synthetic "now" as timestamptz. */
  now: string;
  /** SQL expression: the synthetic today as date. */
  today: string;
};

export function synthContext(now: Date): SynthContext {
  const iso = now.toISOString(); // generated here, never user text
  return {
    orgId: "pg_temp.uid('org')",
    now: `'${iso}'::timestamptz`,
    today: `'${iso.slice(0, 10)}'::date`,
  };
}
