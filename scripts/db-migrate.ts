import { openDb } from "@/server/db/client";

// Opening the database applies pending migrations; this script does only that and exits.
const url = process.env.DATABASE_URL || undefined;
const pgliteDir = process.env.PGLITE_DIR || "./.data/pglite";
const handle = await openDb({ url, pgliteDir });
await handle.close();
console.log(
  `Migrations applied to ${url ? "Postgres (DATABASE_URL)" : `the embedded database in ${pgliteDir}`}.`,
);
