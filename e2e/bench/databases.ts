import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openPglite, type DbHandle } from "@/server/db/client";
import { openScratchPostgres } from "@/server/testing/scratch-postgres";

export type BenchDb = "embedded" | "postgres";

/** The server the Postgres cases use: DATABASE_URL when set, else a local server if one answers. */
export async function findPostgres(): Promise<{ url: string; source: string } | null> {
  const fromEnv = process.env.DATABASE_URL;
  const url = fromEnv ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return { url, source: fromEnv ? "DATABASE_URL" : "127.0.0.1:5432" };
  } catch {
    return null;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/** A fresh, migrated database per case, removed on close: PGlite on a temp dir, or a new Postgres database. */
export async function openFreshDb(kind: BenchDb, postgresUrl?: string): Promise<DbHandle> {
  if (kind === "embedded") {
    const dir = mkdtempSync(path.join(tmpdir(), "mf-bench-"));
    const handle = await openPglite(dir);
    return {
      ...handle,
      close: () => handle.close().finally(() => rmSync(dir, { recursive: true, force: true })),
    };
  }
  if (!postgresUrl) throw new Error("no Postgres server for the postgres case");
  return openScratchPostgres(postgresUrl, "mf_bench");
}
