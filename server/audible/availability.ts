import { eq } from "drizzle-orm";
import type { Db } from "@/server/db";
import { users } from "@/server/db/schema";
import { AppError } from "@/server/errors";

export const PLANS = ["basic", "premium", "family"] as const;
export type Plan = (typeof PLANS)[number];
export type Availability = "available" | "disabled" | "not_configured" | "plan_required";

type AvailabilityEnv = {
  AUDIBLE_ENABLED?: string;
  AUDIBLE_REQUIRED_PLANS?: string;
  TOKEN_ENCRYPTION_KEYS?: string;
  NODE_ENV?: string;
};

/** AUDIBLE_REQUIRED_PLANS is a comma list; unset or empty means every plan. */
export function requiredPlans(env: AvailabilityEnv = process.env): readonly Plan[] {
  const listed = (env.AUDIBLE_REQUIRED_PLANS ?? "")
    .split(",")
    .map((plan) => plan.trim().toLowerCase())
    .filter(Boolean);
  const unknown = listed.filter((plan) => !PLANS.includes(plan as Plan));
  if (unknown.length > 0)
    throw new Error(`AUDIBLE_REQUIRED_PLANS names unknown plans: ${unknown.join(", ")}`);
  return listed.length > 0 ? (listed as Plan[]) : PLANS;
}

/**
 * Whether this person may use Audible features here. A deployment without vault keys in production
 * shows an "unavailable" state rather than failing; one with a malformed key does not start at all.
 */
export function availabilityFor(plan: Plan, env: AvailabilityEnv = process.env): Availability {
  if (env.AUDIBLE_ENABLED === "false" || env.AUDIBLE_ENABLED === "0") return "disabled";
  if (env.NODE_ENV === "production" && !env.TOKEN_ENCRYPTION_KEYS?.trim()) return "not_configured";
  return requiredPlans(env).includes(plan) ? "available" : "plan_required";
}

export async function availabilityOf(db: Db, userId: string): Promise<Availability> {
  const [row] = await db.select({ plan: users.plan }).from(users).where(eq(users.id, userId)).limit(1);
  return availabilityFor(row?.plan ?? "basic");
}

export function assertAvailable(availability: Availability) {
  if (availability === "available") return;
  if (availability === "plan_required") {
    throw new AppError("PLAN_REQUIRED", "Audible import is part of a plan you do not have yet.", {
      details: { plans: [...requiredPlans()] },
    });
  }
  throw new AppError("AUDIBLE_DISABLED", "Audible is not available on this Media Feed right now.");
}
