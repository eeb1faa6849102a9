import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:security`: HTTP-level checks against `next start` in production mode.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["e2e/security/**/*.test.ts"],
    globalSetup: ["e2e/security/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
