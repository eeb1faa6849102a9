import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Component bundle; tests import server code directly.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    // Browser specs run under Playwright and the security suite against next start (its own config).
    exclude: ["node_modules/**", ".next/**", "e2e/specs/**", "e2e/security/**", ".data/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
