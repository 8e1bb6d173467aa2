import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * AUTH_SECRET signs and encrypts session tokens. Production must set it (and
 * share it across instances). In development a random secret is generated
 * once and kept in the data folder, so a newcomer needs no configuration.
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === "production" && !process.env.REIGNITE_ALLOW_DEV_SECRET) {
    throw new Error(
      "AUTH_SECRET is not set. Set the AUTH_SECRET environment variable to a random string of at least 16 characters (`openssl rand -base64 32` makes a good one); every app instance must use the same value.",
    );
  }
  const file = path.resolve(e.REIGNITE_DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
