import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { APP_PORT as PORT, APP_URL, E2E_METRICS_TOKEN, SIM_PORT, SIM_URL } from "./e2e/support/ports";

// Playwright's own browser download does not work offline; the system's Chromium does.
const systemChromium =
  process.env.PW_CHROMIUM_PATH ??
  (!process.env.PW_USE_BUNDLED && existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e/specs",
  outputDir: "test-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: [
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
              ],
            }
          : {},
      },
    },
  ],
  webServer: [
    {
      // The Audible/Amazon simulator; specs drive and inspect it through its /__sim control API.
      command: `npm run sim -- --port ${SIM_PORT}`,
      url: `${SIM_URL}/__sim/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      // Each run starts from an empty embedded database (cleared here: the web server starts before globalSetup).
      command: `node -e "require('fs').rmSync('.data/pglite-e2e',{recursive:true,force:true})" && npm run build && npm run start -- -H 127.0.0.1 -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/sign-in`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
        TOKEN_ENCRYPTION_KEYS: "e2e:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        PGLITE_DIR: "./.data/pglite-e2e",
        DATABASE_URL: "",
        LOG_LEVEL: "warn",
        // Lets a spec read /api/metrics (which thread mapped the library pages).
        METRICS_TOKEN: E2E_METRICS_TOKEN,
        AUDIBLE_AMAZON_WWW_BASE: `${SIM_URL}/www.amazon.{tld}`,
        AUDIBLE_AMAZON_API_BASE: `${SIM_URL}/api.amazon.{tld}`,
        AUDIBLE_API_BASE: `${SIM_URL}/api.audible.{tld}`,
        // Puts `state` on the sign-in URL so a spec can switch the simulator to redirect mode.
        AUDIBLE_SIGNIN_REDIRECT: "true",
        // The default (3 per hour per user), spelled out because a spec clicks past it.
        RATE_LIMIT_AUDIBLE_CONNECT_START: "3/1h",
      },
    },
  ],
});
