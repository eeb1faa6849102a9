import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

/** The rows of a raw statement: postgres.js answers the array itself, PGlite wraps it in `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
