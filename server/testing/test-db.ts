import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPglite, openPostgres, type DbHandle } from "@/server/db/client";

/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new database on the
 * server named by DATABASE_URL (created here, dropped on close) so files never see each other's rows.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite("memory://");
  const name = `mf_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openPostgres(target.toString());
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
