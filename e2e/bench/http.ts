import autocannon from "autocannon";
import { openPostgres } from "@/server/db/client";
import { insertTitles } from "@/server/testing/library-fixtures";
import { freshDatabase, securityDatabaseUrl, startProductionServer, stopServer } from "../security/server";
import { signedInSession } from "../security/session";

/**
 * `npm run bench:http`: drives `next start` (production, Postgres) with autocannon and prints latency
 * percentiles per endpoint and connection count, then /api/health at 200 connections for Next's own
 * floor on the same machine. A measurement, not a test: it always exits 0.
 */
const PORT = 3600;
const DATABASE = "mediafeed_bench_http";
const BASE = `http://127.0.0.1:${PORT}`;
const TITLES = Number(process.env.BENCH_HTTP_TITLES ?? 2000);
const DURATION = Number(process.env.BENCH_HTTP_SECONDS ?? 10);

const input = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));
const endpoints = {
  "audible.status": `/api/trpc/audible.status?input=${encodeURIComponent(JSON.stringify({ json: null, meta: { values: ["undefined"] } }))}`,
  "library.list": `/api/trpc/library.list?input=${input({ limit: 48 })}`,
} as const;
// Next's own floor on this machine: a route handler with one `SELECT 1` and no session, no tRPC.
const FLOOR = { name: "health (floor)", path: "/api/health", connections: 200 };

await freshDatabase(DATABASE);
const server = await startProductionServer({
  port: PORT,
  database: DATABASE,
  // The per-person limits would turn the load into 429s; this measures the work behind them.
  env: { RATE_LIMIT_AUDIBLE_STATUS: "100000000/1m", LOG_LEVEL: "error" },
});
try {
  const session = await signedInSession(`bench-${Date.now()}@example.com`, {
    base: BASE,
    database: DATABASE,
  });
  const db = await openPostgres(securityDatabaseUrl(DATABASE));
  await insertTitles(
    db.db,
    session.userId,
    Array.from({ length: TITLES }, (_, index) => ({
      title: `Bench title ${index}`,
      authors: [`Author ${index % 50}`],
    })),
  );
  await db.close();

  const rows: string[] = [];
  const measure = async (name: string, path: string, connections: number, cookie?: string) => {
    const result = await autocannon({
      url: `${BASE}${path}`,
      connections,
      duration: DURATION,
      headers: cookie ? { cookie } : {},
    });
    const { p50, p99 } = result.latency as unknown as { p50: number; p99: number };
    rows.push(
      [
        name.padEnd(16),
        String(connections).padStart(5),
        String(Math.round(result.requests.average)).padStart(8),
        String(p50).padStart(7),
        String(p99).padStart(7),
        String(result.errors + result.timeouts).padStart(7),
        String(result.non2xx).padStart(7),
      ].join("  "),
    );
  };
  for (const [name, path] of Object.entries(endpoints)) {
    for (const connections of [50, 200]) await measure(name, path, connections, session.cookie);
  }
  await measure(FLOOR.name, FLOOR.path, FLOOR.connections);
  console.log(`\n${TITLES} titles in the library; ${DURATION} s per run\n`);
  console.log(
    ["endpoint".padEnd(16), "conns", "   req/s", "p50 ms", "p99 ms", " errors", " non-2xx"].join("  "),
  );
  console.log(rows.join("\n"));
  const status200 = rows.find((row) => row.startsWith("audible.status") && row.includes("  200  "));
  const p99 = Number(status200?.trim().split(/\s+/)[4]);
  console.log(`\n${p99 <= 50 ? "PASS" : "MISS"}  audible.status p99 ${p99} ms ≤ 50 ms at 200 connections`);
} finally {
  stopServer(server);
}
