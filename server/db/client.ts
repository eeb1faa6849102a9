import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquirePgliteLock } from "./pglite-lock";
import { connectWithoutDelay } from "./postgres-socket";
import * as schema from "./schema";

/** One type for both drivers, so queries never care which database is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = "postgres" | "pglite";
export type DbHandle = { db: Db; kind: DbKind; close: () => Promise<void> };

const migrationsFolder = path.join(process.cwd(), "drizzle");

export async function openPostgres(url: string): Promise<DbHandle> {
  // `socket` is documented (README, "Custom socket") but missing from postgres.js's types.
  const options = { max: 10, onnotice: () => {}, socket: connectWithoutDelay };
  const client = postgres(url, options);
  const db = drizzlePostgres(client, { schema });
  await migratePostgres(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: "postgres", close: () => client.end() };
}

export async function openPglite(dir: string): Promise<DbHandle> {
  const inMemory = dir === "memory://";
  const resolved = inMemory ? undefined : path.resolve(/*turbopackIgnore: true*/ dir);
  let release = () => {};
  if (resolved) {
    mkdirSync(resolved, { recursive: true });
    release = acquirePgliteLock(resolved);
  }
  const client = new PGlite({ dataDir: resolved });
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * The embedded database executes each statement on the calling thread, so nothing else on it (library
 * page bodies arriving, requests) runs until the statement is done; Postgres works in processes of its own.
 */
export function runsOnThisThread(db: Db): boolean {
  return (db as { $client?: unknown }).$client instanceof PGlite;
}

export function openDb(opts: { url?: string; pgliteDir: string }): Promise<DbHandle> {
  return opts.url ? openPostgres(opts.url) : openPglite(opts.pgliteDir);
}
