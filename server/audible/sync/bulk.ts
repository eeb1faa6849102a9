import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/server/db";
import { copyRows, isTransaction } from "@/server/db/copy-rows";
import { copyField, jsonKeysOf, type CopyValues } from "@/server/db/copy-text";
import { queryRows } from "@/server/db/query-rows";

/**
 * Bulk writes that stage a whole chunk in a temporary table with one COPY (copy-rows.ts), then insert or
 * update from it in one statement, on PGlite and Postgres alike. Drizzle's builder binds every value as its
 * own parameter and costs microseconds per value, which at 10,000 titles × 30 columns dominated a sync; one
 * statement per chunk also replaces the per-row UPDATE round trips. COPY rather than one JSON parameter
 * unpacked by `json_to_recordset`: Postgres spent most of a chunk's insert parsing that JSON.
 *
 * Rows are Drizzle-keyed values, encoded as COPY text (copy-text.ts). Like Drizzle, a key left undefined is
 * not written (the column default or the current value stays); rows are grouped by their set of defined
 * keys so that one row's missing key never turns into another row's NULL.
 */

type Row = Record<string, unknown>;

/**
 * `column = ANY(values)` with the whole list as one text[] parameter. Drizzle's inArray binds each value
 * as its own parameter; at 500 per chunk, building and binding them cost more than the lookup itself.
 * (A jsonb list unpacked in a subquery was planned as a scan of the whole table while its statistics
 * were stale; `= ANY` of an array is always an index condition.)
 */
export function inTextList(column: PgColumn, values: readonly string[]): SQL {
  const literal = `{${values.map((value) => `"${value.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
  return sql`${column} = any(${literal}::text[])`;
}

/**
 * A row whose values are already COPY text, with the columns beside them in `extra`: the mapper thread
 * encodes a title once, and encoding the same long descriptions again here cost as much.
 * `extra` must not repeat any of `values.keys`.
 */
export class EncodedRow {
  constructor(
    readonly values: CopyValues,
    readonly extra: Row = {},
  ) {}
}

export async function insertRows<R extends string>(
  db: Db,
  table: PgTable,
  rows: readonly (Row | EncodedRow)[],
  returning: readonly R[] = [],
): Promise<Record<R, unknown>[]> {
  const shape = shapeOf(table);
  const out: Record<R, unknown>[] = [];
  for (const group of groupByDefinedKeys(table, shape, rows.map(encoded), true)) {
    const names = sql.join(
      group.keys.map((key) => sql.identifier(shape.columns[key]!.name)),
      sql`, `,
    );
    const values = sql.join(
      group.keys.map((key) => sql`x.${sql.identifier(key)}`),
      sql`, `,
    );
    const returned = returning.length
      ? sql` returning ${sql.join(
          returning.map((key) => sql`${sql.identifier(shape.columns[key]!.name)} as ${sql.identifier(key)}`),
          sql`, `,
        )}`
      : sql``;
    out.push(
      ...(await staged(db, shape, group, (tx, rows) =>
        queryRows<Record<R, unknown>>(
          tx,
          sql`insert into ${table} (${names}) select ${values} from ${rows} on conflict do nothing${returned}`,
        ),
      )),
    );
  }
  return out;
}

/**
 * Copies rows straight into `table`, for rows that cannot be there yet: inserting them from a staging table,
 * as insertRows must to skip existing ones, costs a second copy of every row and two more statements (a
 * 1,000-title page of catalogue rows: 14 ms against 23). A row that is there after all fails the whole
 * statement (a unique violation; postgres.js does not pass on which error a COPY met, see copy-rows.ts).
 */
export async function copyIntoTable(
  db: Db,
  table: PgTable,
  rows: readonly (Row | EncodedRow)[],
): Promise<void> {
  const shape = shapeOf(table);
  const run = async (tx: Db) => {
    for (const group of groupByDefinedKeys(table, shape, rows.map(encoded), true)) {
      const columns = group.keys.map((key) => shape.columns[key]!.name);
      await copyRows(tx, getTableName(table), columns, group.lines);
    }
  };
  return inTransaction(db, run);
}

/** Runs `run` in the caller's transaction, or in one of its own when the caller has none. */
function inTransaction<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return isTransaction(db) ? run(db) : db.transaction(run);
}

/** Sets each row's `set` on the row with its `id`; one statement per distinct set of keys. */
export async function updateRowsById(
  db: Db,
  table: PgTable,
  rows: readonly { id: string; set: Row | EncodedRow }[],
): Promise<void> {
  const shape = shapeOf(table);
  const id = sql.identifier(shape.columns.id!.name);
  const withIds = rows.map(({ id, set }) =>
    set instanceof EncodedRow ? new EncodedRow(set.values, { ...set.extra, id }) : encoded({ ...set, id }),
  );
  for (const group of groupByDefinedKeys(table, shape, withIds, false)) {
    const assignments = sql.join(
      group.keys
        .filter((key) => key !== "id")
        .map((key) => sql`${sql.identifier(shape.columns[key]!.name)} = x.${sql.identifier(key)}`),
      sql`, `,
    );
    await staged(db, shape, group, (tx, rows) =>
      tx.execute(sql`update ${table} set ${assignments} from ${rows} where ${table}.${id} = x."id"`),
    );
  }
}

type Shape = {
  /** Drizzle key → column. */
  columns: Record<string, PgColumn>;
  /** Columns whose value Drizzle would generate on insert (ids). */
  generated: [key: string, make: () => unknown][];
};

const shapes = new WeakMap<PgTable, Shape>();

function shapeOf(table: PgTable): Shape {
  let shape = shapes.get(table);
  if (!shape) {
    const columns: Record<string, PgColumn> = getTableColumns(table);
    shape = {
      columns,
      generated: Object.entries(columns).flatMap(([key, column]) =>
        column.defaultFn ? [[key, column.defaultFn] as [string, () => unknown]] : [],
      ),
    };
    shapes.set(table, shape);
  }
  return shape;
}

const NO_VALUES: CopyValues = { line: "", keys: [] };

/** A plain row is encoded with the table's column types once it is grouped (see groupByDefinedKeys). */
function encoded(row: Row | EncodedRow): EncodedRow {
  return row instanceof EncodedRow ? row : new EncodedRow(NO_VALUES, row);
}

type Group = { keys: string[]; lines: string[] };

/** Where a row's line goes and what is added to it: the columns beside its values, then generated ones. */
type Layout = {
  valueKeys: readonly string[];
  extraKeys: string[];
  generated: [key: string, make: () => unknown][];
  group: Group;
};

/** Whether `row` defines exactly the columns `layout` was made for, in the same order. */
function fits(layout: Layout, { values, extra }: EncodedRow): boolean {
  if (layout.valueKeys !== values.keys) return false;
  let i = 0;
  for (const key in extra) {
    if (extra[key] === undefined) continue;
    if (layout.extraKeys[i++] !== key) return false;
  }
  return i === layout.extraKeys.length;
}

/**
 * Each row becomes one COPY line, grouped by which keys it defines (in the order it defines them: rows
 * built by the same code share one group). Generated columns the row lacks are added beside its values.
 * Consecutive rows nearly always define the same columns, so a row's layout is worked out again only when
 * it differs from the previous row's: per row, that work cost as much as encoding the columns it adds.
 */
function groupByDefinedKeys(table: PgTable, shape: Shape, rows: readonly EncodedRow[], generate: boolean) {
  const json = jsonKeysOf(table);
  const groups = new Map<string, Group>();
  const layoutOf = ({ values, extra }: EncodedRow): Layout => {
    const extraKeys = Object.keys(extra).filter((key) => extra[key] !== undefined);
    const repeated = extraKeys.find((key) => values.keys.includes(key));
    if (repeated) throw new Error(`bulk row repeats column ${repeated} beside its values`);
    const defined = [...values.keys, ...extraKeys];
    const generated = generate ? shape.generated.filter(([key]) => !defined.includes(key)) : [];
    const keys = [...defined, ...generated.map(([key]) => key)];
    const signature = keys.join(",");
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { keys, lines: [] }));
    return { valueKeys: values.keys, extraKeys, generated, group };
  };
  let layout: Layout | undefined;
  for (const row of rows) {
    if (!layout || !fits(layout, row)) layout = layoutOf(row);
    let line = row.values.line;
    let empty = row.values.keys.length === 0;
    for (const key of layout.extraKeys) {
      const field = copyField(row.extra[key], json.has(key));
      line = empty ? field : `${line}\t${field}`;
      empty = false;
    }
    for (const [key, make] of layout.generated) {
      const field = copyField(make(), json.has(key));
      line = empty ? field : `${line}\t${field}`;
      empty = false;
    }
    layout.group.lines.push(line);
  }
  return groups.values();
}

/**
 * Copies the group's rows into a temporary table whose columns carry the Drizzle keys and the table's SQL
 * types, and hands `use` that table as the relation `x`. The table lives only for this statement (and is
 * dropped with the transaction if it fails); the rows need a transaction, so one is opened if the caller
 * has none.
 */
function staged<T>(db: Db, shape: Shape, group: Group, use: (tx: Db, rows: SQL) => Promise<T>): Promise<T> {
  const run = async (tx: Db) => {
    const definitions = sql.join(
      group.keys.map((key) => sql`${sql.identifier(key)} ${sql.raw(shape.columns[key]!.getSQLType())}`),
      sql`, `,
    );
    await tx.execute(sql`create temp table ${sql.identifier(STAGING)} (${definitions}) on commit drop`);
    await copyRows(tx, STAGING, group.keys, group.lines);
    const result = await use(tx, sql`${sql.identifier(STAGING)} as x`);
    await tx.execute(sql`drop table ${sql.identifier(STAGING)}`);
    return result;
  };
  return inTransaction(db, run);
}

const STAGING = "bulk_rows";
