import { z } from "zod";

/**
 * Process configuration, validated once. A bad or missing variable fails fast
 * with a message naming it, instead of a confusing error deep in a request.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REIGNITE_DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  // Per process (per worker with npm start). Small on purpose: postgres.js pipelines queries
  // on busy connections, and fewer connections cost less CPU per statement on both sides
  // (measured on 2 cores: 4 instead of 10 took 10–13% off each page's CPU; README "Performance").
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(4),
  // Named prepared statements (see db/client.ts); "false" behind a pooler that cannot keep them.
  DB_PREPARED_STATEMENTS: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  // Comma-separated proxy addresses whose X-Forwarded-For we believe (rate limiting by IP).
  TRUSTED_PROXIES: z.string().default(""),
  // smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465; unset: invitations are shown as links only.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_FROM: z.string().min(3).default("Reignite <no-reply@localhost>"),
  // Public base URL for links in emails (e.g. https://reignite.example.com); unset: the request's origin.
  APP_URL: z
    .url("must be a URL like https://reignite.example.com")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REIGNITE_SEED_DEMO: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export function usesEmbeddedDb(): boolean {
  return !env().DATABASE_URL;
}

/** Tests switch databases between files; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}
