/** Command-line options of `npm run db:synth`. */
export type Options = { people: number; seed: number; now: Date; reset: boolean };

export function parseArgs(args: string[]): Options | string {
  const o: Options = { people: 10_000, seed: 42, now: new Date(), reset: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === "--people") o.people = Number(value());
      else if (a === "--seed") o.seed = Number(value());
      else if (a === "--now") o.now = new Date(value());
      else if (a === "--reset") o.reset = true;
      else return `Unknown option ${a}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!Number.isInteger(o.people) || o.people < 20 || o.people > 1_000_000) return "--people must be an integer between 20 and 1000000";
  if (!Number.isInteger(o.seed)) return "--seed must be an integer";
  if (Number.isNaN(o.now.getTime())) return "--now must be an ISO date";
  return o;
}

