import "server-only";
import { Ratelimit } from "@upstash/ratelimit";
import { AppError } from "@/server/errors";
import { log } from "@/server/log";
import { MemoryLimiter, type WindowLimiter, type WindowResult } from "./memory-limiter";
import {
  resolveRatePolicies,
  type RatePolicyName,
  type RatePolicyTable,
  type ResolvedRatePolicy,
} from "./policies";
import { getRateLimitStore, STORE_TIMEOUT_MS, type RateLimitStore } from "./store";

export const RATE_LIMIT_PREFIX = "mf:rl";

export type RateLimitResult = {
  success: boolean;
  remaining: number;
  resetAt: Date;
  /** 0 when allowed; otherwise whole seconds, at least 1, until a call may pass again. */
  retryAfterSeconds: number;
  /** True when the store was down and a fail-open policy let the call through uncounted. */
  degraded: boolean;
};

export type RateLimiter = { check(policyName: RatePolicyName, identifier: string): Promise<RateLimitResult> };

export const STORE_UNAVAILABLE_MESSAGE =
  "This action is temporarily unavailable. Please try again in a minute.";

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rate-limit store did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

function buildLimiter(store: RateLimitStore, policy: ResolvedRatePolicy, prefix: string): WindowLimiter {
  if (store.kind === "memory") return new MemoryLimiter({ ...policy, prefix, counters: store.counters });
  return new Ratelimit({
    redis: store.redis,
    limiter: Ratelimit.slidingWindow(policy.limit, `${policy.windowMs} ms`),
    prefix,
    // The cache only remembers denials; off so every decision is the store's and tests see exact counts.
    ephemeralCache: false,
    analytics: false,
    // The library's own timeout silently allows the call; ours applies each policy's failure mode.
    timeout: 0,
  });
}

export function createRateLimiter(options: {
  store: RateLimitStore;
  policies?: RatePolicyTable;
  prefix?: string;
  timeoutMs?: number;
}): RateLimiter {
  const policies = options.policies ?? resolveRatePolicies();
  const prefix = options.prefix ?? RATE_LIMIT_PREFIX;
  const timeoutMs = options.timeoutMs ?? STORE_TIMEOUT_MS;
  const limiters = new Map<RatePolicyName, WindowLimiter>();

  const limiterFor = (name: RatePolicyName) => {
    const existing = limiters.get(name);
    if (existing) return existing;
    const created = buildLimiter(options.store, policies[name], `${prefix}:${name}`);
    limiters.set(name, created);
    return created;
  };

  return {
    async check(name, identifier) {
      const policy = policies[name];
      let result: WindowResult;
      try {
        result = await withTimeout(limiterFor(name).limit(identifier), timeoutMs);
      } catch (error) {
        // The store's own text (hosts, script hashes) stays in the server log, never in a response.
        const reason = error instanceof Error ? error.message : String(error);
        log.warn({ policy: name, failure: policy.failure, reason }, "rate-limit store unavailable");
        if (policy.failure === "closed") throw new AppError("SERVICE_UNAVAILABLE", STORE_UNAVAILABLE_MESSAGE);
        return { success: true, remaining: 0, resetAt: new Date(), retryAfterSeconds: 0, degraded: true };
      }
      const waitMs = result.reset - Date.now();
      const retryAfterSeconds = result.success ? 0 : Math.max(1, Math.ceil(waitMs / 1_000));
      const { success, remaining } = result;
      return { success, remaining, resetAt: new Date(result.reset), retryAfterSeconds, degraded: false };
    },
  };
}

let defaultLimiter: RateLimiter | undefined;

/** The process-wide limiter: the policy table from process.env and the store getRateLimitStore picks. */
export function checkRateLimit(policyName: RatePolicyName, identifier: string): Promise<RateLimitResult> {
  defaultLimiter ??= createRateLimiter({ store: getRateLimitStore() });
  return defaultLimiter.check(policyName, identifier);
}
