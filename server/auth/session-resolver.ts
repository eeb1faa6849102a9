import { createHash } from "node:crypto";
import { decode, getToken } from "next-auth/jwt";
import { z } from "zod";

/** Auth.js's cookie names: the `__Secure-` one when the public origin is https. Each is also the token's salt. */
export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

const DEFAULT_TTL_MS = 60_000;
const DEFAULT_MAX_ENTRIES = 5_000;

export type SessionUser = { id: string; email: string; name: string | null };

const claimsSchema = z.object({ sub: z.string().min(1), exp: z.number() });

type Entry = { user: Promise<SessionUser | null>; userId: string | null; expiresAt: number };

export type SessionResolver = {
  /** The signed-in person for a request's Cookie header, or null for no, a bad, an expired or an orphaned token. */
  resolve(cookieHeader: string, secure: boolean): Promise<SessionUser | null>;
  /** Drops every cached session of this person, e.g. when their account is deleted. */
  forgetUser(userId: string): void;
  readonly size: number;
};

/**
 * Verifies the Auth.js session cookie itself instead of running Auth.js's whole session round, which
 * derives keys, decrypts and re-encrypts a cookie that server code then throws away. A verified token
 * is remembered under a hash of itself for at most `ttlMs` and never past its own expiry, so one
 * person's burst of requests pays for one decryption and one user lookup. The lookup is what makes a
 * deleted account's token worthless; `forgetUser` makes that immediate in this process.
 */
export function createSessionResolver(options: {
  secret: () => string;
  loadUser: (userId: string) => Promise<SessionUser | null>;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}): SessionResolver {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  async function verify(token: string, salt: string): Promise<{ user: SessionUser; exp: number } | null> {
    const payload = await decode({ token, salt, secret: options.secret() }).catch(() => null);
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success || claims.data.exp * 1_000 <= now()) return null;
    const user = await options.loadUser(claims.data.sub);
    return user ? { user, exp: claims.data.exp } : null;
  }

  function remember(key: string, token: string, salt: string): Entry {
    // Map order is insertion order: the oldest entry goes first, so the map never outgrows its bound.
    while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    const entry: Entry = { user: Promise.resolve(null), userId: null, expiresAt: now() + ttlMs };
    entry.user = verify(token, salt).then(
      (verified) => {
        const current = entries.get(key) === entry;
        // Only good tokens stay: caching rejections would let junk cookies push real sessions out.
        if (!verified) {
          if (current) entries.delete(key);
          return null;
        }
        entry.userId = verified.user.id;
        entry.expiresAt = Math.min(entry.expiresAt, verified.exp * 1_000);
        return verified.user;
      },
      (error: unknown) => {
        if (entries.get(key) === entry) entries.delete(key);
        throw error;
      },
    );
    entries.set(key, entry);
    return entry;
  }

  return {
    async resolve(cookieHeader, secure) {
      const salt = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
      // Auth.js's own reader, so split (chunked) cookies join up exactly as it joins them; only the
      // cookie is passed on, so an Authorization header is never taken for a session.
      const token = await getToken({
        req: { headers: { cookie: cookieHeader } },
        secureCookie: secure,
        secret: "",
        raw: true,
      });
      if (!token) return null;
      const key = createHash("sha256").update(salt).update("\0").update(token).digest("base64url");
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now()) return cached.user;
      if (cached) entries.delete(key);
      return remember(key, token, salt).user;
    },

    forgetUser(userId) {
      // Lookups still in flight may have read the row just before it went; they are dropped too.
      for (const [key, entry] of entries) {
        if (entry.userId === userId || entry.userId === null) entries.delete(key);
      }
    },

    get size() {
      return entries.size;
    },
  };
}
