import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { clientIp } from "@/lib/auth/client-ip";
import { loginBlockedFor } from "@/lib/auth/credentials";
import { endSession } from "@/lib/auth/revoke";
import { getViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http/api";
import { AppError } from "@/lib/errors";

export const GET = handlers.GET;

/**
 * next-auth's POST endpoints, with two additions: a credentials sign-in that
 * is over the rate limit is answered 429 with Retry-After before any password
 * is checked, and signing out ends the session itself, so a copy of its token
 * is refused too (see lib/auth/revoke.ts); the user's other devices stay
 * signed in.
 */
export async function POST(req: NextRequest): Promise<Response> {
  const path = req.nextUrl.pathname;
  try {
    if (path.endsWith("/callback/credentials")) {
      const email = await emailOf(req);
      if (email) {
        const wait = await loginBlockedFor(email, clientIp(req.headers));
        if (wait !== null) {
          throw new AppError(429, "rate_limited", "Too many failed sign-in attempts. Try again later.", undefined, { retryAfter: wait });
        }
      }
    } else if (path.endsWith("/signout")) {
      // Only a session that still counts (checked against the database) is ended: a copied token that was already
      // revoked (a password change, an earlier sign-out) decrypts fine and, through the proxy's refresh, stays alive
      // for hours.
      const viewer = await getViewer();
      if (viewer) await endSession(viewer.userId, viewer.sessionId ?? `t${viewer.authTime}`);
    }
  } catch (err) {
    return errorResponse(err);
  }
  return handlers.POST(req);
}

async function emailOf(req: NextRequest): Promise<string | null> {
  try {
    const form = await req.clone().formData();
    const email = form.get("email");
    return typeof email === "string" && email.trim() ? email.trim().toLowerCase().slice(0, 320) : null;
  } catch {
    return null; // not a form: next-auth rejects it itself
  }
}
