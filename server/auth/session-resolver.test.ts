import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import {
  createSessionResolver,
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  type SessionUser,
} from "./session-resolver";

const SECRET = "session-resolver-test-secret-0123456789abcdef";
const alice: SessionUser = { id: "user-alice", email: "alice@example.com", name: "Alice" };

function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const people = new Map<string, SessionUser>([[alice.id, alice]]);
  const loadUser = vi.fn(async (userId: string) => people.get(userId) ?? null);
  let clock = Date.now();
  const resolver = createSessionResolver({ secret: () => SECRET, loadUser, now: () => clock, ...options });
  return { people, loadUser, resolver, advance: (ms: number) => (clock += ms) };
}

const tokenFor = (
  sub: string,
  options: { salt?: string; maxAge?: number; secret?: string; email?: string } = {},
) =>
  encode({
    token: { sub, email: options.email ?? `${sub}@example.com` },
    salt: options.salt ?? SECURE_SESSION_COOKIE,
    secret: options.secret ?? SECRET,
    maxAge: options.maxAge,
  });

const cookie = (token: string, name = SECURE_SESSION_COOKIE) => `other=1; ${name}=${token}`;

describe("session resolver", () => {
  it("resolves a good cookie to the person as the database has them now", async () => {
    const { resolver } = setup();
    const token = await tokenFor(alice.id, { email: "old-address@example.com" });
    await expect(resolver.resolve(cookie(token), true)).resolves.toEqual(alice);
  });

  it("reads the cookie name that matches the origin's scheme, salted with that name", async () => {
    const { resolver } = setup();
    const plain = await tokenFor(alice.id, { salt: SESSION_COOKIE });
    await expect(resolver.resolve(cookie(plain, SESSION_COOKIE), false)).resolves.toEqual(alice);
    await expect(resolver.resolve(cookie(plain, SESSION_COOKIE), true)).resolves.toBeNull();
    // A token sealed for one cookie name does not open under the other.
    await expect(resolver.resolve(cookie(plain, SECURE_SESSION_COOKIE), true)).resolves.toBeNull();
  });

  it("refuses no cookie, a tampered token, another secret's token and an expired token", async () => {
    const { resolver, loadUser } = setup();
    const token = await tokenFor(alice.id);
    const flipped = `${token.slice(0, -6)}${token.slice(-6, -5) === "A" ? "B" : "A"}${token.slice(-5)}`;
    await expect(resolver.resolve("other=1", true)).resolves.toBeNull();
    await expect(resolver.resolve(cookie(flipped), true)).resolves.toBeNull();
    await expect(resolver.resolve(cookie("not-a-token"), true)).resolves.toBeNull();
    const foreign = await tokenFor(alice.id, { secret: "another-secret-entirely-0123456789abcdef" });
    await expect(resolver.resolve(cookie(foreign), true)).resolves.toBeNull();
    const expired = await tokenFor(alice.id, { maxAge: -60 });
    await expect(resolver.resolve(cookie(expired), true)).resolves.toBeNull();
    expect(loadUser).not.toHaveBeenCalled();
    // Rejections are not remembered, so junk cookies cannot push good sessions out of the cache.
    expect(resolver.size).toBe(0);
  });

  it("decrypts and looks a person up once for a burst of requests", async () => {
    const { resolver, loadUser } = setup();
    const token = await tokenFor(alice.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => resolver.resolve(cookie(token), true)),
    );
    expect(results.every((user) => user?.id === alice.id)).toBe(true);
    await resolver.resolve(cookie(token), true);
    expect(loadUser).toHaveBeenCalledTimes(1);
  });

  it("checks again after the TTL, and never trusts a token past its own expiry", async () => {
    const { resolver, loadUser, advance } = setup({ ttlMs: 60_000 });
    const token = await tokenFor(alice.id);
    await resolver.resolve(cookie(token), true);
    advance(61_000);
    await resolver.resolve(cookie(token), true);
    expect(loadUser).toHaveBeenCalledTimes(2);

    const fresh = setup({ ttlMs: 60_000 });
    const shortLived = await tokenFor(alice.id, { maxAge: 20 });
    await expect(fresh.resolver.resolve(cookie(shortLived), true)).resolves.toEqual(alice);
    fresh.advance(21_000);
    await expect(fresh.resolver.resolve(cookie(shortLived), true)).resolves.toBeNull();
  });

  it("refuses a deleted person's token, at once in this process once told", async () => {
    const { resolver, people } = setup();
    const token = await tokenFor(alice.id);
    const orphan = await tokenFor("user-never-existed");
    await expect(resolver.resolve(cookie(orphan), true)).resolves.toBeNull();
    await expect(resolver.resolve(cookie(token), true)).resolves.toEqual(alice);
    people.delete(alice.id);
    resolver.forgetUser(alice.id);
    await expect(resolver.resolve(cookie(token), true)).resolves.toBeNull();
  });

  it("stays within its bound, however many sessions pass through", async () => {
    const { resolver, people } = setup({ maxEntries: 3 });
    const ids = Array.from({ length: 8 }, (_, index) => `user-${index}`);
    for (const id of ids) people.set(id, { id, email: `${id}@example.com`, name: null });
    for (const id of ids) {
      await expect(resolver.resolve(cookie(await tokenFor(id)), true)).resolves.toMatchObject({ id });
      expect(resolver.size).toBeLessThanOrEqual(3);
    }
    expect(resolver.size).toBe(3);
  });

  it("lets a database failure through instead of treating it as signed out, and does not keep it", async () => {
    const { resolver, loadUser } = setup();
    const token = await tokenFor(alice.id);
    loadUser.mockRejectedValueOnce(new Error("connection refused"));
    await expect(resolver.resolve(cookie(token), true)).rejects.toThrow("connection refused");
    await expect(resolver.resolve(cookie(token), true)).resolves.toEqual(alice);
  });
});
