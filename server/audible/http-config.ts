import { z } from "zod";
import type { EnvLike } from "./hosts";

export type HttpConfig = {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** Sockets per upstream origin; undici keeps them alive between requests. */
  connections: number;
  keepAliveTimeoutMs: number;
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  retryAfterCapMs: number;
  maxResponseBytes: number;
};

export const defaultHttpConfig = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  connections: 5,
  // Below the idle timeout of most upstream load balancers, so we rarely reuse a socket they just closed.
  keepAliveTimeoutMs: 10_000,
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  retryAfterCapMs: 30_000,
  // A 1000-item library page with every response group is a few MB; this only stops runaway bodies.
  maxResponseBytes: 64 * 1024 * 1024,
} as const satisfies HttpConfig;

const seconds = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.coerce.number().positive().max(3600).optional(),
);
const count = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.coerce.number().int().min(0).max(100).optional(),
);

const httpEnvSchema = z.object({
  AUDIBLE_HTTP_CONNECT_TIMEOUT_SECONDS: seconds,
  AUDIBLE_HTTP_TIMEOUT_SECONDS: seconds,
  AUDIBLE_HTTP_MAX_CONNECTIONS: count,
  AUDIBLE_HTTP_KEEPALIVE_SECONDS: seconds,
  AUDIBLE_HTTP_MAX_RETRIES: count,
  AUDIBLE_HTTP_RETRY_AFTER_MAX_SECONDS: seconds,
});

const ms = (value: number | undefined, fallback: number) =>
  value === undefined ? fallback : Math.round(value * 1000);

export function readHttpConfig(env: EnvLike = process.env): HttpConfig {
  const parsed = httpEnvSchema.parse(env);
  return {
    ...defaultHttpConfig,
    connectTimeoutMs: ms(parsed.AUDIBLE_HTTP_CONNECT_TIMEOUT_SECONDS, defaultHttpConfig.connectTimeoutMs),
    totalTimeoutMs: ms(parsed.AUDIBLE_HTTP_TIMEOUT_SECONDS, defaultHttpConfig.totalTimeoutMs),
    connections: Math.max(1, parsed.AUDIBLE_HTTP_MAX_CONNECTIONS ?? defaultHttpConfig.connections),
    keepAliveTimeoutMs: ms(parsed.AUDIBLE_HTTP_KEEPALIVE_SECONDS, defaultHttpConfig.keepAliveTimeoutMs),
    maxRetries: parsed.AUDIBLE_HTTP_MAX_RETRIES ?? defaultHttpConfig.maxRetries,
    retryAfterCapMs: ms(parsed.AUDIBLE_HTTP_RETRY_AFTER_MAX_SECONDS, defaultHttpConfig.retryAfterCapMs),
  };
}
