import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/server/db";

/**
 * Bulk writes that send a whole chunk as one jsonb parameter, unpacked by `jsonb_populate_recordset` with
 * the table's own row type (PGlite and Postgres 15 alike). Drizzle's builder binds every value as its own
 * parameter and costs microseconds per value, which at 10,000 titles × 30 columns dominated a sync; one
 * statement per chunk also replaces the per-row UPDATE round trips.
 *
 * Values go through JSON: Dates become ISO strings, jsonb columns nest as they are. Like Drizzle, a key left
 * undefined is not written (the column default or the current value stays); rows are grouped by their set
 * of defined keys so that one row's missing key never turns into another row's NULL.
 */

type Row = Record<string, unknown>;

export async function insertRows<R extends string>(
  db: Db,
  table: PgTable,
  rows: Row[],
  returning: readonly R[] = [],
): Promise<Record<R, unknown>[]> {
  const columns = getTableColumns(table);
  const filled = rows.map((row) => withDefaultFns(row, columns));
  const out: Record<R, unknown>[] = [];
  for (const [keys, group] of groupByKeys(filled)) {
    const names = sql.join(
      keys.map((key) => sql.identifier(columns[key]!.name)),
      sql`, `,
    );
    const returned = returning.length
      ? sql` returning ${sql.join(
          returning.map((key) => sql`${sql.identifier(columns[key]!.name)} as ${sql.identifier(key)}`),
          sql`, `,
        )}`
      : sql``;
    const result = await db.execute(
      sql`insert into ${table} (${names}) select ${names} from ${recordset(table, columns, keys, group)}
          on conflict do nothing${returned}`,
    );
    out.push(...(rowsOf(result) as Record<R, unknown>[]));
  }
  return out;
}

/** Sets each row's `set` on the row with its `id`; one statement per distinct set of keys. */
export async function updateRowsById(
  db: Db,
  table: PgTable,
  rows: { id: string; set: Row }[],
): Promise<void> {
  const columns = getTableColumns(table);
  const id = sql.identifier(columns.id!.name);
  const flat = rows.map((row) => ({ ...definedOnly(row.set), id: row.id }));
  for (const [keys, group] of groupByKeys(flat)) {
    const assignments = sql.join(
      keys
        .filter((key) => key !== "id")
        .map((key) => sql`${sql.identifier(columns[key]!.name)} = x.${sql.identifier(columns[key]!.name)}`),
      sql`, `,
    );
    await db.execute(
      sql`update ${table} set ${assignments} from ${recordset(table, columns, keys, group)}
          where ${table}.${id} = x.${id}`,
    );
  }
}

function recordset(table: PgTable, columns: Record<string, PgColumn>, keys: string[], rows: Row[]): SQL {
  const json = rows.map((row) => {
    const record: Row = {};
    for (const key of keys) record[columns[key]!.name] = row[key];
    return record;
  });
  const type = sql.identifier(getTableName(table));
  return sql`jsonb_populate_recordset(null::${type}, ${JSON.stringify(json)}::jsonb) as x`;
}

function withDefaultFns(row: Row, columns: Record<string, PgColumn>): Row {
  const filled = definedOnly(row);
  for (const [key, column] of Object.entries(columns)) {
    if (filled[key] === undefined && column.defaultFn) filled[key] = column.defaultFn();
  }
  return filled;
}

function definedOnly(row: Row): Row {
  const defined: Row = {};
  for (const [key, value] of Object.entries(row)) if (value !== undefined) defined[key] = value;
  return defined;
}

function groupByKeys(rows: Row[]): Map<string[], Row[]> {
  const bySignature = new Map<string, { keys: string[]; rows: Row[] }>();
  for (const row of rows) {
    const keys = Object.keys(row).sort();
    const signature = keys.join(",");
    const group = bySignature.get(signature) ?? { keys, rows: [] };
    group.rows.push(row);
    bySignature.set(signature, group);
  }
  return new Map([...bySignature.values()].map((group) => [group.keys, group.rows]));
}

/** postgres.js returns the rows array itself, PGlite wraps it in `{ rows }`. */
function rowsOf(result: unknown): Row[] {
  return Array.isArray(result) ? result : ((result as { rows?: Row[] }).rows ?? []);
}
