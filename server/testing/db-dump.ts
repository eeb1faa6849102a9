import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/server/db";

// postgres.js answers an array of rows; PGlite an object with `rows`.
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

/** Every row of every table as text: what a `pg_dump` of the data would expose, on PGlite and Postgres alike. */
export async function dumpAllRows(db: Db): Promise<string> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const lines = await rows<{ line: string }>(
      db,
      sql`select row_to_json(t)::text as line from ${sql.identifier(name)} t`,
    );
    parts.push(`-- ${name}`, ...lines.map((row) => row.line));
  }
  return parts.join("\n");
}
