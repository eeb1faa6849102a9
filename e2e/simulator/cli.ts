import { DEFAULT_ACCOUNTS } from "./default-accounts";
import { startSimulator } from "./server";

/** `npm run sim`: SIM_PORT (default 4010), SIM_HOST, SIM_REDIRECT_TO (redirect mode), or --port/--redirect-to flags. */
function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const sim = await startSimulator({
  port: Number(flag("port") ?? process.env.SIM_PORT ?? 4010),
  host: flag("host") ?? process.env.SIM_HOST ?? "127.0.0.1",
  redirectTo: flag("redirect-to") ?? process.env.SIM_REDIRECT_TO ?? null,
});

const lines = [
  `Audible simulator listening on ${sim.baseUrl}`,
  "",
  "Environment for the app:",
  ...Object.entries(sim.env).map(([key, value]) => `  ${key}=${value}`),
  "",
  sim.state.config.redirectTo
    ? `Redirect mode: sign-in success goes to ${sim.state.config.redirectTo}?code=…&state=…`
    : 'Paste-back mode: sign-in success lands on /ap/maplanding (404 "Looking for Something?")',
  "",
  "Test accounts:",
  ...DEFAULT_ACCOUNTS.map((a) => {
    const c: { otp?: string; captcha?: string; approval?: boolean } = "challenges" in a ? a.challenges : {};
    const extra = [
      c.otp && `OTP ${c.otp}`,
      c.captcha && `CAPTCHA ${c.captcha}`,
      c.approval && 'approval wait (click "Simulate approving")',
    ]
      .filter(Boolean)
      .join(", ");
    return `  ${a.email.padEnd(22)} ${a.password.padEnd(18)} ${String(a.library.size).padStart(6)} titles${extra ? `  ${extra}` : ""}`;
  }),
  "",
  `Control API: ${sim.baseUrl}/__sim/… (see e2e/simulator/control.ts)`,
];
console.log(lines.join("\n"));

const stop = () => void sim.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

/**
 * A long-running simulator (`npm run sim`, the demo) generates every title in the background, a slice
 * at a time between requests, so the first read of a big library is as fast as later ones. Tests start
 * their own instances and skip this: most of them read a handful of titles.
 */
async function warmLibraries() {
  for (const account of sim.state.accounts.values()) {
    const { entries } = account.library;
    for (let start = 0; start < entries.length; start += 250) {
      for (const entry of entries.slice(start, start + 250)) account.library.title(entry);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
void warmLibraries();
