import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPostgres, type DbHandle } from "@/server/db/client";

/**
 * A new, migrated database on the server `adminUrl` points at, dropped again on close, so a test file
 * or a benchmark case never sees another one's rows.
 */
export async function openScratchPostgres(adminUrl: string, prefix = "mf_test"): Promise<DbHandle> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(adminUrl);
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
