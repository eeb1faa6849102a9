import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";
const optionalUrl = z.url().optional();
const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((value) => value === "true" || value === "1");
const seconds = z.coerce.number().positive().optional();
// A base URL that may carry `{tld}`, e.g. https://api.audible.{tld}; checked as a URL once expanded.
const baseTemplate = z
  .string()
  .refine((value) => URL.canParse(value.replaceAll("{tld}", "com")), "must be a URL, optionally with {tld}")
  .optional();

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
    // Token-vault keyring `kid:base64key,…`, newest first. Production without it shows Audible as unavailable
    // (a malformed one stops the boot); development generates one.
    TOKEN_ENCRYPTION_KEYS: z.string().min(1).optional(),
    // `false` switches every Audible feature off (an "unavailable" state, not an error page).
    AUDIBLE_ENABLED: z.enum(["true", "false", "1", "0"]).optional(),
    // Plans that may use Audible features, comma-separated (basic, premium, family); unset → every plan.
    AUDIBLE_REQUIRED_PLANS: z.string().optional(),
    // Plain Redis for rate limits (redis://…); ignored when the Upstash REST pair is set.
    REDIS_URL: optionalUrl,
    // Upstash REST endpoint and token for rate limits (serverless deployments).
    UPSTASH_REDIS_REST_URL: optionalUrl,
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    // Amazon sign-in pages and /ap/maplanding (default https://www.amazon.{tld}); the simulator in tests and demo.
    AUDIBLE_AMAZON_WWW_BASE: baseTemplate,
    // Amazon device API: register, token refresh, deregister (default https://api.amazon.{tld}).
    AUDIBLE_AMAZON_API_BASE: baseTemplate,
    // Audible's /1.0 API (default https://api.audible.{tld}).
    AUDIBLE_API_BASE: baseTemplate,
    // Redirect mode: the sign-in URL carries `state` so an authorization server that can redirect returns to /audible/callback.
    AUDIBLE_SIGNIN_REDIRECT: flag,
    // Audible HTTP: connect timeout (10), total time per attempt (30), pooled sockets per host (5),
    // idle socket lifetime (10), retries of idempotent calls on 429/5xx (3), longest Retry-After waited (30).
    AUDIBLE_HTTP_CONNECT_TIMEOUT_SECONDS: seconds,
    AUDIBLE_HTTP_TIMEOUT_SECONDS: seconds,
    AUDIBLE_HTTP_MAX_CONNECTIONS: z.coerce.number().int().positive().optional(),
    AUDIBLE_HTTP_KEEPALIVE_SECONDS: seconds,
    AUDIBLE_HTTP_MAX_RETRIES: z.coerce.number().int().nonnegative().optional(),
    AUDIBLE_HTTP_RETRY_AFTER_MAX_SECONDS: seconds,
    // Bearer token a Prometheus scraper sends to /api/metrics (16+ characters); unset → the endpoint answers 404.
    METRICS_TOKEN: z.string().min(16).optional(),
    // pino level: fatal, error, warn, info, debug, trace or silent.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: !!process.env.SKIP_ENV_VALIDATION || process.env.NEXT_PHASE === "phase-production-build",
  emptyStringAsUndefined: true,
});
