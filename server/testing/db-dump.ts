import { sql } from "drizzle-orm";
import type { Db } from "@/server/db";
import { queryRows } from "@/server/db/query-rows";

/** Every row of every table as text: what a `pg_dump` of the data would expose, on PGlite and Postgres alike. */
export async function dumpAllRows(db: Db): Promise<string> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const lines = await queryRows<{ line: string }>(
      db,
      sql`select row_to_json(t)::text as line from ${sql.identifier(name)} t`,
    );
    parts.push(`-- ${name}`, ...lines.map((row) => row.line));
  }
  return parts.join("\n");
}
