import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import postgres from "postgres";

export const SECURITY_PORT = Number(process.env.SECURITY_PORT ?? 3500);
export const BASE = `http://127.0.0.1:${SECURITY_PORT}`;
// The public origin the suite configures (AUTH_URL): what a browser on the deployed site sends as Origin.
export const ORIGIN = `https://localhost:${SECURITY_PORT}`;
export const METRICS_TOKEN = "security-suite-metrics-token";
const ADMIN_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
export const DATABASE_NAME = "mediafeed_security";

/** The suite runs production on Postgres, in a database it creates afresh, so tests can seed users directly. */
export function securityDatabaseUrl(name = DATABASE_NAME): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freshDatabase(name = DATABASE_NAME) {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } catch (error) {
    throw new Error(
      `The security suite needs Postgres (DATABASE_URL or 127.0.0.1:5432): ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    await admin.end();
  }
}

/** Builds once if needed, then runs the production server the way a deployment would (NODE_ENV=production). */
export async function startProductionServer(
  options: { port?: number; database?: string; env?: Record<string, string> } = {},
): Promise<ChildProcess> {
  const port = options.port ?? SECURITY_PORT;
  const database = options.database ?? DATABASE_NAME;
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npm", ["run", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  if (!options.database) await freshDatabase(database);
  // SERVER_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") starts next directly under node with them;
  // the profile is written when the server exits on SIGTERM.
  const nodeFlags = process.env.SERVER_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const [command, args] = nodeFlags.length
    ? ["node", [...nodeFlags, "node_modules/next/dist/bin/next", "start"]]
    : ["npm", ["run", "start", "--"]];
  const server = spawn(command, [...args, "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "security-suite-secret-0123456789abcdefghijklmnop",
      // An https public origin makes Auth.js issue the production cookie names and flags.
      AUTH_URL: `https://localhost:${port}`,
      TOKEN_ENCRYPTION_KEYS: "sec:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      DATABASE_URL: securityDatabaseUrl(database),
      METRICS_TOKEN,
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopServer(server);
  throw new Error("next start did not come up");
}

export function stopServer(server: ChildProcess) {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
