import NextAuth, { CredentialsSignin } from "next-auth";
import { isLoggedAuthError } from "./expected-errors";
import { authRedirect } from "./safe-redirect";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret } from "./secret";
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "./session-policy";
import { checkCredentials } from "./credentials";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
  pages: { signIn: "/login" },
  // A wrong password (audited as auth.sign_in_failed), an expired or foreign session token (the visitor is simply
  // signed out) and a request for one of next-auth's own pages this app does not use (anyone can ask for
  // /api/auth/signin?callbackUrl=…; they get the redirect to /login) are expected outcomes, not server errors to log:
  // each wrote a stack trace, so anyone could fill the log.
  logger: {
    error(error) {
      if (!isLoggedAuthError(error)) return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkCredentials(parsed.data.email, parsed.data.password, request);
        if (result === "rate_limited") throw new RateLimited();
        return result;
      },
    }),
  ],
  callbacks: {
    redirect: authRedirect,
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.authTime = Date.now();
        // This session's own id: "Sign out" ends this one (lib/auth/revoke.ts), copies of its token included.
        token.sid = crypto.randomUUID();
        // The organization this session starts in (checkCredentials): a landing place, not access (getViewer
        // still requires an active membership there). Kept when the token is re-issued.
        const landing = (user as { landingOrgId?: string | null }).landingOrgId;
        if (landing) token.org = landing;
      }
      return token;
    },
    session({ session, token }) {
      // Only ids travel in the session; everything else is read fresh per request (getViewer).
      return {
        ...session,
        user: { ...session.user, id: String(token.uid ?? "") },
        authTime: Number(token.authTime ?? 0),
      };
    },
  },
}));
