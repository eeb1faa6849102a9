import "server-only";
import { randomBytes } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { signInSchema } from "@/lib/validation/account";
import { getDb } from "@/server/db";
import { accounts, sessions, users, verificationTokens } from "@/server/db/schema";
import { readOrCreateDevSecret } from "@/server/dev-secrets";
import { log } from "@/server/log";
import { verifyCredentials } from "./accounts";

const secret = () =>
  env.AUTH_SECRET ?? readOrCreateDevSecret("auth-secret", () => randomBytes(32).toString("base64"));

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
    secret: secret(),
    trustHost: true,
    debug: false,
    // Auth.js would print stack traces to stderr; a wrong password is routine, not an error.
    logger: {
      error: (error: Error) =>
        error.name === "CredentialsSignin"
          ? log.info({ errorType: error.name }, "sign-in refused")
          : log.error({ errorType: error.name, err: error }, "auth error"),
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

export type SessionUser = { id: string; email: string; name: string | null };

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
}
