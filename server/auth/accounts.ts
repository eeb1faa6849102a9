import { eq } from "drizzle-orm";
import type { Db } from "@/server/db";
import { users } from "@/server/db/schema";
import { hashPassword, timingDummyHash, verifyPassword } from "./password";
import type { SignInInput, SignUpInput } from "@/lib/validation/account";

export type AccountUser = { id: string; email: string; name: string | null };

export type SignUpResult = { ok: true; user: AccountUser } | { ok: false; reason: "EMAIL_TAKEN" };

/** Inputs arrive already parsed by `signUpSchema`; a duplicate is caught by the unique index, not a pre-check, so a race cannot create two rows. */
export async function createAccount(db: Db, input: SignUpInput): Promise<SignUpResult> {
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({ email: input.email, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name });
  return user ? { ok: true, user } : { ok: false, reason: "EMAIL_TAKEN" };
}

export async function verifyCredentials(db: Db, input: SignInInput): Promise<AccountUser | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  if (!user?.passwordHash) {
    await verifyPassword(input.password, await timingDummyHash());
    return null;
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
