import { eq } from "drizzle-orm";
import type { Db } from "@/server/db";
import { users } from "@/server/db/schema";

export async function findAccountProfile(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      plan: users.plan,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function findSessionUser(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function readAudibleSettings(db: Db, userId: string) {
  const [row] = await db
    .select({ importPodcastEpisodes: users.importPodcastEpisodes })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return { importPodcastEpisodes: row?.importPodcastEpisodes ?? false };
}

export async function writeAudibleSettings(
  db: Db,
  userId: string,
  settings: { importPodcastEpisodes: boolean },
) {
  await db
    .update(users)
    .set({ importPodcastEpisodes: settings.importPodcastEpisodes })
    .where(eq(users.id, userId));
  return readAudibleSettings(db, userId);
}
