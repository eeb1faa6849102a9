import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";
const optionalUrl = z.url().optional();

// Validated once at start-up (instrumentation.ts imports this). `next build` runs with NODE_ENV=production
// but without runtime secrets, so the build phase skips validation; `next start` does not.
export const env = createEnv({
  server: {
    // Postgres connection string; unset → embedded PGlite (zero set-up).
    DATABASE_URL: optionalUrl,
    // Folder of the embedded database; `memory://` keeps it in memory (tests).
    PGLITE_DIR: z.string().min(1).default("./.data/pglite"),
    // Signs session cookies (32+ random bytes, base64). Required in production; development generates one into .data/.
    AUTH_SECRET: isProduction ? z.string().min(32) : z.string().min(32).optional(),
    // Public origin of the app, e.g. https://mediafeed.example; Auth.js infers it from the request when unset.
    AUTH_URL: optionalUrl,
    // Token-vault keyring `kid:base64key,…`, newest first. Required in production; development generates one.
    TOKEN_ENCRYPTION_KEYS: isProduction ? z.string().min(1) : z.string().min(1).optional(),
    // Plain Redis for rate limits (redis://…); ignored when the Upstash REST pair is set.
    REDIS_URL: optionalUrl,
    // Upstash REST endpoint and token for rate limits (serverless deployments).
    UPSTASH_REDIS_REST_URL: optionalUrl,
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    // pino level: fatal, error, warn, info, debug, trace or silent.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: !!process.env.SKIP_ENV_VALIDATION || process.env.NEXT_PHASE === "phase-production-build",
  emptyStringAsUndefined: true,
});
