/** Ports of the browser-test servers, shared by playwright.config.ts and the specs. */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
// Not 4010, so a simulator someone runs by hand (`npm run sim`, `npm run demo`) does not collide.
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4110);
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
// Next rewrites 127.0.0.1 to localhost in its URLs, so the browser must use localhost for cookies to match.
export const APP_URL = `http://localhost:${APP_PORT}`;
/** The browser-test server's /api/metrics token (a test value, like its AUTH_SECRET). */
export const E2E_METRICS_TOKEN = "e2e-only-metrics-token-0123456789";
