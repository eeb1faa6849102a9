export type WindowResult = { success: boolean; remaining: number; reset: number };

/** What limiter.ts needs from a limiter: @upstash/ratelimit's `Ratelimit` and MemoryLimiter both fit. */
export type WindowLimiter = { limit(identifier: string): Promise<WindowResult> };

type Counter = { count: number; expiresAt: number };

const SWEEP_THRESHOLD = 10_000;
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The sliding-window algorithm of @upstash/ratelimit's Lua script, kept in this process's memory for
 * when no Redis is configured. Single instance only: each server process counts on its own, so N
 * instances would admit N times the limit. One shared Map per process keeps every policy's counters.
 */
export class MemoryLimiter implements WindowLimiter {
  private lastSweep = 0;

  constructor(
    private readonly options: {
      limit: number;
      windowMs: number;
      prefix: string;
      counters: Map<string, Counter>;
      now?: () => number;
    },
  ) {}

  async limit(identifier: string): Promise<WindowResult> {
    const { limit, windowMs, prefix, counters } = this.options;
    const now = this.options.now?.() ?? Date.now();
    this.sweep(now);
    const currentWindow = Math.floor(now / windowMs);
    const currentKey = `${prefix}:${identifier}:${currentWindow}`;
    const previousKey = `${prefix}:${identifier}:${currentWindow - 1}`;
    const reset = (currentWindow + 1) * windowMs;

    const current = this.read(currentKey, now);
    const previousWeight = 1 - (now % windowMs) / windowMs;
    const previous = Math.floor(previousWeight * this.read(previousKey, now));
    // Refuse before counting, as the Lua script does: denied calls never use up the next window.
    if (previous + current >= limit) return { success: false, remaining: 0, reset };

    const count = current + 1;
    counters.set(currentKey, { count, expiresAt: now + windowMs * 2 + 1_000 });
    return { success: true, remaining: Math.max(0, limit - (count + previous)), reset };
  }

  private read(key: string, now: number): number {
    const counter = this.options.counters.get(key);
    if (!counter || counter.expiresAt <= now) return 0;
    return counter.count;
  }

  private sweep(now: number) {
    const { counters } = this.options;
    // Bounded work: a map full of live counters would otherwise be scanned on every call.
    if (counters.size < SWEEP_THRESHOLD || now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [key, counter] of counters) {
      if (counter.expiresAt <= now) counters.delete(key);
    }
  }
}
