import { sql } from "drizzle-orm";
import type { Db } from "@/server/db";

/**
 * Any INSERT or UPDATE (even one that sets the same values) gives a row a new xmin, so rows whose xmin is
 * at or after a transaction id taken before the sync are exactly the rows it wrote. Works on PGlite and
 * Postgres alike; fresh databases are far from xid wraparound, so the 64-bit txid equals the xid.
 */
export async function currentXid(db: Db): Promise<bigint> {
  const rows = rowsOf(await db.execute(sql`select txid_current()::text as xid`));
  return BigInt(String(rows[0]!.xid));
}

export async function libraryRowsWrittenSince(db: Db, xid: bigint): Promise<number> {
  const rows = rowsOf(
    await db.execute(sql`
      select
        (select count(*) from media where xmin::text::bigint >= ${xid.toString()}::bigint)
      + (select count(*) from user_media where xmin::text::bigint >= ${xid.toString()}::bigint) as n`),
  );
  return Number(rows[0]!.n);
}

/** postgres.js returns the rows array itself, PGlite wraps it in `{ rows }`. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows;
}
