import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";
import { users } from "@/server/db/schema";
import type { SessionUser } from "@/server/auth";
import { buildContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

/** Inserts a user directly (no password hashing cost) and returns a caller signed in as them. */
export async function signedInCaller(db: Db, email = `user-${randomBytes(4).toString("hex")}@example.com`) {
  const [row] = await db
    .insert(users)
    .values({ email })
    .returning({ id: users.id, email: users.email, name: users.name });
  const user: SessionUser = { id: row!.id, email: row!.email, name: row!.name };
  return { user, caller: createCaller(buildContext({ db, user })) };
}

export function anonymousCaller(db: Db) {
  return createCaller(buildContext({ db, user: null }));
}
