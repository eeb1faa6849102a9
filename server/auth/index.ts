import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { signInSchema } from "@/lib/validation/account";
import { getDb } from "@/server/db";
import { accounts, sessions, users, verificationTokens } from "@/server/db/schema";
import { log } from "@/server/log";
import { verifyCredentials } from "./accounts";
import { logAuthError } from "./log-auth-error";
import { authSecret } from "./secret";
import { sessionUserFrom } from "./session";
import type { SessionUser } from "./session-resolver";

export type { SessionUser } from "./session-resolver";

// Lazy config: the adapter needs the database, which opens (and migrates) asynchronously. Auth.js
// asks for the config on every request, so it is built once and reused.
let config: Promise<NextAuthConfig> | undefined;

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  config ??= buildConfig().catch((error: unknown) => {
    config = undefined;
    throw error;
  });
  return config;
});

async function buildConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    secret: authSecret(),
    trustHost: true,
    debug: false,
    // Auth.js would print stack traces to stderr.
    logger: {
      error: logAuthError,
      warn: (code: string) => log.warn({ code }, "auth warning"),
      debug: () => {},
    },
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    // Credentials sign-in only works with JWT sessions (stack trial P12).
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) return null;
          return verifyCredentials(db, parsed.data);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      // An explicit shape, so nothing token-like ever reaches /api/auth/session (stack trial P13).
      session({ session, token }) {
        return {
          expires: session.expires,
          user: { id: token.sub ?? "", email: session.user?.email ?? "", name: session.user?.name ?? null },
        } as typeof session;
      },
    },
  };
}

/**
 * The signed-in person, from the request's session cookie (route handlers pass their request's
 * headers; Server Components read Next's). Auth.js's `auth()` would verify the same cookie, but it
 * also re-encrypts one that Server Components and route handlers cannot send back: the session only
 * rolls on Auth.js's own routes, where it did before.
 */
export async function getSessionUser(requestHeaders?: Headers): Promise<SessionUser | null> {
  return sessionUserFrom(requestHeaders ?? (await headers()));
}
