import "server-only";
import { env } from "@/lib/env";
import { appOriginFrom } from "@/server/app-origin";
import { getDb } from "@/server/db";
import { findSessionUser } from "@/server/db/queries/users";
import { authSecret } from "./secret";
import { createSessionResolver, type SessionResolver, type SessionUser } from "./session-resolver";

// Next may evaluate this module more than once per process (route handlers, RSC); account deletion
// must reach the same cache every request reads, so there is one per process.
const store = globalThis as unknown as { __mediaFeedSessions?: SessionResolver };

function sessions(): SessionResolver {
  store.__mediaFeedSessions ??= createSessionResolver({
    secret: authSecret,
    loadUser: async (userId) => findSessionUser(await getDb(), userId),
  });
  return store.__mediaFeedSessions;
}

/** Auth.js names (and salts) the cookie after the public origin's scheme; so does this. */
export function sessionUserFrom(headers: Headers): Promise<SessionUser | null> {
  const secure = new URL(appOriginFrom(headers, env.AUTH_URL)).protocol === "https:";
  return sessions().resolve(headers.get("cookie") ?? "", secure);
}

export function forgetSessionsOf(userId: string) {
  sessions().forgetUser(userId);
}
