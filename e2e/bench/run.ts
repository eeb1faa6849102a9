import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { findPostgres, type BenchDb } from "./databases";
import type { CaseInput, CaseResult } from "./import-case";
import { figuresTable, verdicts } from "./report";
import { startSimulatorProcess, TSX, warmLibrary } from "./simulator";

/**
 * `npm run bench` (issue 5 item 7): a 10,000-title first import and an unchanged delta, per database and
 * per injected library-page latency. Each case runs in a fresh process with a fresh database, so one case's
 * heap never inflates the next one's baseline; the simulator runs in a process of its own. Exits 0 whatever
 * the figures are: it measures, it does not judge the build.
 */
const TITLES = 10_000;
const LATENCIES = [0, 500] as const;
const account = { email: "bench@example.com", password: "bench-password" };
// BENCH_ONLY="postgres@0,embedded@500" picks cases; BENCH_NODE_FLAGS (e.g. --cpu-prof) goes to each case process.
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
const nodeFlags = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];

const postgres = await findPostgres();
const databases: BenchDb[] = postgres ? ["embedded", "postgres"] : ["embedded"];
console.log(
  postgres
    ? `Postgres: ${postgres.source} (a fresh database per case, dropped afterwards)`
    : "Postgres: none (DATABASE_URL unset and nothing answers on 127.0.0.1:5432) — embedded only",
);

const sim = await startSimulatorProcess();
try {
  await sim.control.createAccount({ ...account, library: { seed: "bench", size: TITLES } });
  await warmLibrary(sim, account, TITLES);
  const results: CaseResult[] = [];
  for (const db of databases) {
    for (const latencyMs of LATENCIES) {
      if (only && !only.includes(`${db}@${latencyMs}`)) continue;
      const input: CaseInput = {
        db,
        latencyMs,
        postgresUrl: postgres?.url,
        simBaseUrl: sim.baseUrl,
        simEnv: sim.env,
        account,
      };
      console.log(`running ${db} @ ${latencyMs} ms …`);
      results.push(await runCase(input));
    }
  }
  console.log(`\n${figuresTable(results)}\n`);
  for (const line of verdicts(results)) console.log(line);
} finally {
  await sim.stop();
}

function runCase(input: CaseInput): Promise<CaseResult> {
  const child = spawn(TSX[0], ["--expose-gc", ...nodeFlags, TSX[1], "e2e/bench/import-case.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, BENCH_CASE: JSON.stringify(input) },
  });
  let result: CaseResult | null = null;
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (line.startsWith("BENCH_RESULT "))
      result = JSON.parse(line.slice("BENCH_RESULT ".length)) as CaseResult;
    else console.log(`  ${line}`);
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      result
        ? resolve(result)
        : reject(new Error(`${input.db} @ ${input.latencyMs} ms crashed (exit ${code})`)),
    );
  });
}
