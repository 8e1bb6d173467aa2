import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1). Argon2 has no input length cap.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export { PASSWORD_MIN, PASSWORD_MAX } from "./password-policy";

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(hashed: string | null | undefined, password: string): Promise<boolean> {
  if (!hashed) return false;
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// A real hash of a random string: verifying against it when the email is unknown
// keeps the response time the same as for a wrong password.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
}
