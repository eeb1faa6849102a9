import { openPglite, type DbHandle } from "@/server/db/client";
import { openScratchPostgres } from "./scratch-postgres";

/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new database on the
 * server named by DATABASE_URL (created here, dropped on close) so files never see each other's rows.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  return url ? openScratchPostgres(url) : openPglite("memory://");
}
