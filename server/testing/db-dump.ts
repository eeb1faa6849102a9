import { sql } from "drizzle-orm";
import type { Db } from "@/server/db";

/** Every row of every table as text: what a `pg_dump` of the data would expose, on PGlite and Postgres alike. */
export async function dumpAllRows(db: Db): Promise<string> {
  const tables = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const rows =
    "rows" in tables ? (tables.rows as { name: string }[]) : (tables as unknown as { name: string }[]);
  const parts: string[] = [];
  for (const { name } of rows) {
    const result = await db.execute(sql`select row_to_json(t)::text as line from ${sql.identifier(name)} t`);
    const lines =
      "rows" in result ? (result.rows as { line: string }[]) : (result as unknown as { line: string }[]);
    parts.push(`-- ${name}`, ...lines.map((row) => row.line));
  }
  return parts.join("\n");
}
