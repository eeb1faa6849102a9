import type { Db } from "./client";

const MAX_STATEMENTS_PER_DB = 1_000;

type Statement = { execute(values?: Record<string, unknown>): Promise<unknown> };

const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement built once per database and shape, then executed with placeholder values. Building a
 * Drizzle query (and Postgres parsing and planning it) cost more than running it on the hottest
 * polls; a prepared one is compiled once and parsed once per pooled connection. Callers put every
 * value behind `sql.placeholder`, and everything that changes the SQL text into `key`.
 */
export function prepared<T extends Statement>(db: Db, key: string, build: (name: string) => T): T {
  let byKey = statements.get(db);
  if (!byKey) {
    byKey = new Map();
    statements.set(db, byKey);
  }
  const existing = byKey.get(key);
  if (existing) return existing as T;
  // Shapes are finite, but a bound keeps an unforeseen one from growing this without end.
  if (byKey.size >= MAX_STATEMENTS_PER_DB) byKey.delete(byKey.keys().next().value!);
  const statement = build(key);
  byKey.set(key, statement);
  return statement;
}
