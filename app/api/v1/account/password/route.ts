import { apiRoute, notAllowed, readJson } from "@/lib/http/api";
import { changePassword, changePasswordSchema } from "@/lib/auth/change-password";
import { clientIp } from "@/lib/auth/client-ip";

/**
 * POST /api/v1/account/password {currentPassword, newPassword}: changes the
 * caller's own password. Every session of the user ends, including the one
 * that made this call (sign in again with the new password). 204 on success.
 */
export const POST = apiRoute(async ({ req, viewer, db }) => {
  const input = await readJson(req, changePasswordSchema);
  await changePassword(db, viewer, input, clientIp(req.headers));
  return undefined;
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["POST"]);
