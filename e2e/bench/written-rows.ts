import { sql } from "drizzle-orm";
import type { Db } from "@/server/db";
import { queryRows } from "@/server/db/query-rows";

/**
 * Any INSERT or UPDATE (even one that sets the same values) gives a row a new xmin, so rows whose xmin is
 * at or after a transaction id taken before the sync are exactly the rows it wrote. Works on PGlite and
 * Postgres alike; fresh databases are far from xid wraparound, so the 64-bit txid equals the xid.
 */
export async function currentXid(db: Db): Promise<bigint> {
  const rows = await queryRows<{ xid: string }>(db, sql`select txid_current()::text as xid`);
  return BigInt(String(rows[0]!.xid));
}

export async function libraryRowsWrittenSince(db: Db, xid: bigint): Promise<number> {
  const rows = await queryRows<{ n: unknown }>(
    db,
    sql`
      select
        (select count(*) from media where xmin::text::bigint >= ${xid.toString()}::bigint)
      + (select count(*) from user_media where xmin::text::bigint >= ${xid.toString()}::bigint) as n`,
  );
  return Number(rows[0]!.n);
}
