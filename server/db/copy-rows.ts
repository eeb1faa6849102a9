import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import type { Db } from "./client";

type RawClient = Sql | PGlite | PgliteTransaction;

/**
 * Whether `db` is a Drizzle transaction (statements on it share one connection). Drizzle's own `is`, not
 * `instanceof`: Next's server bundle can hold more than one copy of Drizzle's classes.
 */
export function isTransaction(db: Db): boolean {
  return is(db, PgTransaction);
}

/** The driver's own handle under a Drizzle transaction (Drizzle keeps it as `session.client`). */
function rawClient(tx: Db): RawClient {
  if (!isTransaction(tx)) throw new Error("COPY needs a transaction: its rows are staged in it");
  const client = (tx as unknown as { session?: { client?: RawClient } }).session?.client;
  if (!client) throw new Error("no driver client under this transaction");
  return client;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Lines per CopyData message: Postgres starts on the first while the rest are joined and encoded here. */
const LINES_PER_WRITE = 250;

/**
 * Streams rows in COPY text format (copy-text.ts: lines of tab-separated values, without their newlines)
 * into `table`'s `columns`, inside the caller's transaction.
 *
 * PGlite reads the rows as a file (its `/dev/blob`). postgres.js streams them as COPY data, a few hundred
 * lines at a time: joining and encoding a whole page's rows before sending any held Postgres idle for as
 * long, on the writer's path. Its writable never settles when the server refuses the rows
 * (porsager/postgres#1173: the callback of `end` is only called on success), so the end is never awaited
 * here. Once the rows are written, `end` sends CopyDone at once (a writable with nothing pending calls its
 * final step synchronously), and a query sent right behind it is answered after the COPY, failing if the
 * COPY failed: that answer is what is awaited.
 */
export async function copyRows(
  tx: Db,
  table: string,
  columns: readonly string[],
  lines: readonly string[],
): Promise<void> {
  const client = rawClient(tx);
  const statement = `copy ${quoted(table)} (${columns.map(quoted).join(", ")}) from`;
  // Told apart by shape: under a transaction PGlite's handle is a plain object, not a PGlite instance,
  // while postgres.js's handle always has `unsafe`.
  if (!("unsafe" in client)) {
    const text = lines.length === 0 ? "" : `${lines.join("\n")}\n`;
    await client.query(`${statement} '/dev/blob'`, [], { blob: new Blob([text]) });
    return;
  }
  const stream = await client.unsafe(`${statement} stdin`).writable();
  stream.on("error", () => {}); // the server's refusal surfaces through the query below
  for (let start = 0; start < lines.length; start += LINES_PER_WRITE) {
    const text = `${lines.slice(start, start + LINES_PER_WRITE).join("\n")}\n`;
    await new Promise<void>((resolve, reject) =>
      stream.write(text, (error) => (error ? reject(error) : resolve())),
    );
  }
  stream.end();
  try {
    await client.unsafe("select 1");
  } catch (error) {
    throw new Error(`the database refused rows copied into ${table}`, { cause: error });
  }
}
