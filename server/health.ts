import { sql } from "drizzle-orm";
import type { Db } from "@/server/db";
import type { RateLimitStore } from "@/server/rate-limit/store";

export type HealthReport = { ok: boolean; checks: Record<string, "ok" | "down" | "not configured"> };

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms)),
  ]);

/** The database must answer; Redis only counts when one is configured. Details stay out of the answer. */
export async function checkHealth(deps: {
  db: () => Promise<Db>;
  store: () => RateLimitStore;
}): Promise<HealthReport> {
  const checks: HealthReport["checks"] = {};
  checks.database = await within(
    deps.db().then((db) => db.execute(sql`select 1`)),
    2_000,
  ).then(
    () => "ok" as const,
    () => "down" as const,
  );
  const store = deps.store();
  checks.redis =
    store.kind === "memory"
      ? "not configured"
      : await within(store.redis.ping(), 2_000).then(
          () => "ok" as const,
          () => "down" as const,
        );
  return { ok: Object.values(checks).every((check) => check !== "down"), checks };
}
