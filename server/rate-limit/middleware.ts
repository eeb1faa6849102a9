import "server-only";
import { AppError } from "@/server/errors";
import type { Context } from "@/server/trpc/context";
import { middleware } from "@/server/trpc/init";
import { checkRateLimit, type RateLimiter } from "./limiter";
import type { RatePolicyName } from "./policies";

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** "Try again in 40 seconds." under a minute, minutes up to two hours, then hours. */
export function retryAfterMessage(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  if (seconds < 60) return `Too many attempts. Try again in ${plural(seconds, "second")}.`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 120) return `Too many attempts. Try again in ${plural(minutes, "minute")}.`;
  return `Too many attempts. Try again in ${plural(Math.ceil(minutes / 60), "hour")}.`;
}

/**
 * Who is counted: the signed-in user, else the first x-forwarded-for hop. That hop is only as honest as
 * the proxy in front of us, so signed-out limits (sign-in) must not rely on it alone.
 */
export function rateLimitIdentifier(ctx: Pick<Context, "user" | "headers">): string {
  if (ctx.user) return `user:${ctx.user.id}`;
  const ip = ctx.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return ip ? `ip:${ip}` : "ip:unknown";
}

/**
 * tRPC runs every call of a batch through its own middleware chain, so a batch of N calls is counted
 * N times and cannot slip past the limit.
 */
export function rateLimited(policyName: RatePolicyName, options: { limiter?: RateLimiter } = {}) {
  return middleware(async ({ ctx, next }) => {
    const identifier = rateLimitIdentifier(ctx);
    const result = options.limiter
      ? await options.limiter.check(policyName, identifier)
      : await checkRateLimit(policyName, identifier);
    if (!result.success) {
      const { retryAfterSeconds } = result;
      throw new AppError("RATE_LIMITED", retryAfterMessage(retryAfterSeconds), {
        details: { retryAfterSeconds },
      });
    }
    return next();
  });
}
