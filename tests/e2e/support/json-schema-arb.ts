import fc from "fast-check";

/**
 * fast-check arbitraries from the JSON Schema zod 4 emits
 * (`z.toJSONSchema(schema, { io: "input", unrepresentable: "any" })`):
 * values that mostly satisfy the schema's types, lengths, enums and formats,
 * so requests get past validation and reach the domain code. Refinements and
 * preprocessors are not represented; the fuzzer covers the rest with
 * deliberately wrong values.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
};

export type Hints = { uuids: string[] };

const dayMs = 86_400_000;
const dateArb = fc.integer({ min: -800, max: 800 }).map((d) => new Date(Date.now() + d * dayMs));

/** Text with ASCII, unicode (emoji, RTL, combining marks) and markup, within the length bounds. */
export function textArb(min = 0, max = 200): fc.Arbitrary<string> {
  const cap = Math.min(max, 300);
  const base = fc.oneof(
    fc.string({ minLength: min, maxLength: cap }),
    fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(cap, 40) }),
    fc.constantFrom("Ünïcödé ✓ 🚀 مرحبا שלום 𝔘𝔫𝔦", "<b>x</b>", "'; drop table notes; --", "\u0000\u200b\ufeff", "a\nb\r\nc"),
  );
  return base
    .map((s) => (s.length > max ? s.slice(0, max) : s))
    .map((s) => (s.trim().length < min ? "x".repeat(min) + s : s).slice(0, Math.max(max, min)));
}

export function arbFromSchema(s: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => arbFromSchema(a, hints)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const min = Math.max(s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -5), -1_000_000);
      const max = Math.min(s.maximum ?? 1000, 1_000_000);
      // Versions and small counts are the interesting region; extremes now and then.
      return fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, Math.max(min, 6)) }) }, { weight: 1, arbitrary: fc.integer({ min, max }) });
    }
    case "string": {
      if (s.format === "uuid") return fc.oneof(fc.constantFrom(...hints.uuids), fc.uuid({ version: 4 }));
      if (s.format === "date-time") return dateArb.map((d) => d.toISOString());
      if (s.format === "date" || s.pattern === "^\\d{4}-\\d{2}-\\d{2}$") return dateArb.map((d) => d.toISOString().slice(0, 10));
      return textArb(s.minLength ?? 0, s.maxLength ?? 200);
    }
    case "array":
      return fc.array(s.items ? arbFromSchema(s.items, hints) : fc.jsonValue(), { maxLength: 3 });
    case "object": {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      // Seeded records start at version 1: favour it so optimistic-concurrency updates get through.
      for (const [k, v] of Object.entries(props)) model[k] = k === "version" ? fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: arbFromSchema(v, hints) }) : arbFromSchema(v, hints);
      return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
