import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import type { Viewer } from "./viewer-type";
import { hashPassword, verifyPassword } from "./password";
import { validateNewPassword } from "./password-policy";
import { endPasswordResets } from "./password-reset";
import { beginLoginAttempt } from "./rate-limit";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
  newPassword: z.string().min(1, "Enter a new password.").max(1024),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/**
 * Changes the viewer's own password. The current password is required (a
 * borrowed session alone cannot take over the account) and wrong guesses count
 * towards the sign-in rate limit. On success every session of the user,
 * including this one, ends on its next request (`sessions_valid_after`); the
 * caller decides whether to sign this browser in again. Returns that instant.
 */
export async function changePassword(
  db: Db,
  viewer: Viewer,
  input: ChangePasswordInput,
  ip: string | null = null,
): Promise<Date> {
  const attempt = await beginLoginAttempt(viewer.email, ip);
  if (attempt.wait !== null) {
    const wait = attempt.wait;
    throw new AppError(429, "rate_limited", `Too many wrong passwords. Try again in ${Math.ceil(wait / 60)} minute(s).`, undefined, { retryAfter: wait });
  }
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId)).limit(1);
  if (!user || !(await verifyPassword(user.hash, input.currentPassword))) {
    // The attempt stays recorded as a failure.
    await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "auth.password_change_failed", ip });
    throw new AppError(422, "validation_failed", "Some fields need attention.", { currentPassword: ["That is not your current password."] });
  }
  await attempt.succeeded();
  const problems = validateNewPassword(input.newPassword, { email: viewer.email, name: viewer.name });
  if (input.newPassword === input.currentPassword) problems.push("Choose a password different from your current one.");
  if (problems.length) throw new AppError(422, "validation_failed", "Some fields need attention.", { newPassword: problems });

  const hash = await hashPassword(input.newPassword);
  const at = new Date();
  await db.update(users).set({ passwordHash: hash, sessionsValidAfter: at }).where(eq(users.id, viewer.userId));
  await endPasswordResets(db, viewer.userId, at);
  await audit({ orgId: viewer.orgId, actorUserId: viewer.userId, action: "auth.password_changed", targetType: "user", targetId: viewer.userId, ip });
  return at;
}
