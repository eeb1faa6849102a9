import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/server/db";
import { queryRows } from "@/server/db/query-rows";

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
  const shape = shapeOf(table);
  const out: Record<R, unknown>[] = [];
  for (const group of groupByDefinedKeys(shape, rows, true)) {
    const names = sql.join(
      group.keys.map((key) => sql.identifier(shape.names[key]!)),
      sql`, `,
    );
    const returned = returning.length
      ? sql` returning ${sql.join(
          returning.map((key) => sql`${sql.identifier(shape.names[key]!)} as ${sql.identifier(key)}`),
          sql`, `,
        )}`
      : sql``;
    out.push(
      ...(await queryRows<Record<R, unknown>>(
        db,
        sql`insert into ${table} (${names}) select ${names} from ${recordset(table, group.records)}
            on conflict do nothing${returned}`,
      )),
    );
  }
  return out;
}

/** Sets each row's `set` on the row with its `id`; one statement per distinct set of keys. */
export async function updateRowsById(
  db: Db,
  table: PgTable,
  rows: { id: string; set: Row }[],
): Promise<void> {
  const shape = shapeOf(table);
  const id = sql.identifier(shape.names.id!);
  const flat = rows.map((row) => ({ ...row.set, id: row.id }));
  for (const group of groupByDefinedKeys(shape, flat, false)) {
    const assignments = sql.join(
      group.keys
        .filter((key) => key !== "id")
        .map((key) => sql`${sql.identifier(shape.names[key]!)} = x.${sql.identifier(shape.names[key]!)}`),
      sql`, `,
    );
    await db.execute(
      sql`update ${table} set ${assignments} from ${recordset(table, group.records)}
          where ${table}.${id} = x.${id}`,
    );
  }
}

type Shape = {
  /** Drizzle key → SQL column name. */
  names: Record<string, string>;
  /** Columns whose value Drizzle would generate on insert (ids). */
  generated: [key: string, make: () => unknown][];
};

const shapes = new WeakMap<PgTable, Shape>();

function shapeOf(table: PgTable): Shape {
  let shape = shapes.get(table);
  if (!shape) {
    const columns: Record<string, PgColumn> = getTableColumns(table);
    shape = {
      names: Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, column.name])),
      generated: Object.entries(columns).flatMap(([key, column]) =>
        column.defaultFn ? [[key, column.defaultFn] as [string, () => unknown]] : [],
      ),
    };
    shapes.set(table, shape);
  }
  return shape;
}

/**
 * Each row becomes a record keyed by column name, in one pass, grouped by which keys it defines (in the
 * order it defines them: rows built by the same code share one group).
 */
function groupByDefinedKeys(shape: Shape, rows: Row[], generate: boolean) {
  const groups = new Map<string, { keys: string[]; records: Row[] }>();
  for (const row of rows) {
    const keys: string[] = [];
    const record: Row = {};
    for (const key in row) {
      const value = row[key];
      if (value === undefined) continue;
      keys.push(key);
      record[shape.names[key]!] = value;
    }
    if (generate) {
      for (const [key, make] of shape.generated) {
        if (row[key] !== undefined) continue;
        keys.push(key);
        record[shape.names[key]!] = make();
      }
    }
    const signature = keys.join(",");
    const group = groups.get(signature);
    if (group) group.records.push(record);
    else groups.set(signature, { keys, records: [record] });
  }
  return groups.values();
}

function recordset(table: PgTable, records: Row[]): SQL {
  const type = sql.identifier(getTableName(table));
  return sql`jsonb_populate_recordset(null::${type}, ${JSON.stringify(records)}::jsonb) as x`;
}
