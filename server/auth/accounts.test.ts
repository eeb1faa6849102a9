import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/server/db/schema";
import { createTestDb } from "@/server/testing/test-db";
import type { DbHandle } from "@/server/db/client";
import { createAccount, verifyCredentials } from "./accounts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

describe("accounts", () => {
  const input = { email: "ada@example.com", password: "analytical engine 1843" };

  it("creates an account with a hashed password, not the password itself", async () => {
    const result = await createAccount(handle.db, input);
    expect(result.ok).toBe(true);
    const [row] = await handle.db.select().from(users).where(eq(users.email, input.email));
    expect(row?.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(row?.passwordHash).not.toContain(input.password);
    expect(row?.plan).toBe("basic");
  });

  it("refuses a duplicate email and creates nothing", async () => {
    const result = await createAccount(handle.db, { ...input, password: "another long password" });
    expect(result).toEqual({ ok: false, reason: "EMAIL_TAKEN" });
    const [total] = await handle.db.select({ n: count() }).from(users).where(eq(users.email, input.email));
    expect(total?.n).toBe(1);
  });

  it("signs in with the right password", async () => {
    expect(await verifyCredentials(handle.db, input)).toMatchObject({ email: input.email });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(await verifyCredentials(handle.db, { ...input, password: "analytical engine 1844" })).toBeNull();
    expect(await verifyCredentials(handle.db, { ...input, email: "nobody@example.com" })).toBeNull();
  });

  it("lets only one of two simultaneous sign-ups with the same email through", async () => {
    const email = "race@example.com";
    const results = await Promise.all([
      createAccount(handle.db, { email, password: "first long password" }),
      createAccount(handle.db, { email, password: "second long password" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});
