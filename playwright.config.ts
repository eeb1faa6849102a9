import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
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
    // Next rewrites 127.0.0.1 to localhost in its URLs, so the browser must use localhost for cookies to match.
    baseURL: `http://localhost:${PORT}`,
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
  webServer: {
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
    },
  },
});
