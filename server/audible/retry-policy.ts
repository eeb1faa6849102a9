/** Pure retry arithmetic, kept apart from the transport so it can be tested without a server. */

export type RetryPolicy = {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out; the caller gets the error with the hint instead. */
  retryAfterCapMs: number;
};

const retryableStatuses = new Set([429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status);
}

/** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Exponential backoff with equal jitter: never zero, never above the cap, spread so clients don't stampede. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; retryAfterMs?: number };

export function decideRetry(input: {
  attempt: number;
  retryAfterMs: number | undefined;
  policy: RetryPolicy;
  random: () => number;
}): RetryDecision {
  const { attempt, retryAfterMs, policy } = input;
  if (attempt >= policy.maxRetries) return { retry: false, retryAfterMs };
  if (retryAfterMs !== undefined && retryAfterMs > policy.retryAfterCapMs)
    return { retry: false, retryAfterMs };
  if (retryAfterMs !== undefined) return { retry: true, delayMs: retryAfterMs };
  return { retry: true, delayMs: backoffDelayMs(attempt, policy, input.random) };
}
