import { spawn } from "node:child_process";
import { DEFAULT_ACCOUNTS } from "@/e2e/simulator/default-accounts";
import { startSimulator } from "@/e2e/simulator/server";

/**
 * `npm run demo`: the whole connect flow offline. Starts the Audible/Amazon simulator and `next dev`
 * pointed at it, on its own database folder (PGlite allows one process per folder, so it cannot share
 * `.data/pglite` with a running `npm run dev`). `--redirect` makes the simulated Amazon send the
 * browser straight back to /audible/callback instead of the "page not found".
 */
const argv = process.argv.slice(2);
const option = (name: string) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};
const appPort = Number(option("port") ?? process.env.DEMO_PORT ?? 3000);
const simPort = Number(option("sim-port") ?? process.env.DEMO_SIM_PORT ?? 4010);
const redirect = argv.includes("--redirect");
const appUrl = `http://localhost:${appPort}`;

const sim = await startSimulator({
  port: simPort,
  redirectTo: redirect ? `${appUrl}/audible/callback` : null,
});

const app = spawn("npx", ["next", "dev", "-p", String(appPort)], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...sim.env,
    PGLITE_DIR: process.env.PGLITE_DIR ?? "./.data/pglite-demo",
    AUDIBLE_SIGNIN_REDIRECT: redirect ? "true" : "false",
  },
});

const accounts = DEFAULT_ACCOUNTS.map((account) => {
  const challenges: Record<string, unknown> = "challenges" in account ? account.challenges : {};
  const extra = [
    typeof challenges.otp === "string" ? `one-time code ${challenges.otp}` : null,
    typeof challenges.captcha === "string" ? `puzzle answer ${challenges.captcha}` : null,
    challenges.approval ? "asks for approval (click “Simulate approving”)" : null,
  ].filter(Boolean);
  return `  ${account.email.padEnd(22)} ${account.password.padEnd(18)} ${String(account.library.size).padStart(6)} titles${extra.length ? `  ${extra.join(", ")}` : ""}`;
});

console.log(
  [
    "",
    "Media Feed demo",
    `  App:        ${appUrl}  (create an account with any email, then Settings → Connect Audible)`,
    `  Simulator:  ${sim.baseUrl}  (${redirect ? "redirect mode" : "paste mode: you land on a “page not found”, copy its address"})`,
    "",
    "Simulated Amazon accounts (email, password, library):",
    ...accounts,
    "",
    "Try otp@example.com for the one-time-code step. Ctrl+C stops both.",
    "",
  ].join("\n"),
);

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  app.kill("SIGTERM");
  void sim.close().finally(() => process.exit(code));
}
process.on("SIGINT", () => stop());
process.on("SIGTERM", () => stop());
app.on("exit", (code) => stop(code ?? 0));
