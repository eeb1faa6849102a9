import { env } from "@/lib/env";
import { openDb, type DbHandle } from "./client";

export type { Db, DbHandle } from "./client";

// Next may evaluate this module more than once per process (route handlers, RSC); one handle per process.
const store = globalThis as unknown as { __mediaFeedDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  store.__mediaFeedDb ??= openDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR }).catch((error) => {
    store.__mediaFeedDb = undefined;
    throw error;
  });
  return store.__mediaFeedDb;
}

export async function getDb() {
  return (await getDbHandle()).db;
}
