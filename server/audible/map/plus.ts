import { isRecord, parseTimestamp, recordsOf, textOrNull } from "./values";

const PLUS_PLAN = /minerva|aycl|free/i;
// Audible writes "no end" as 2099-12-31; storing it would show a bogus "leaves Plus in 2099".
const NO_END_YEAR = 2099;

export type PlusState = { isPlusCatalog: boolean; planEndsAt: Date | null };

function realEnd(value: unknown): Date | null {
  const date = parseTimestamp(value);
  return date && date.getUTCFullYear() < NO_END_YEAR ? date : null;
}

/**
 * Plus ("AYCE") titles are recognised by plan name (Minerva in the US, AYCL, Free) or `is_ayce`. The end date
 * only matters for titles held through the subscription: a purchased copy stays when the Plus plan ends.
 */
export function readPlus(item: Record<string, unknown>): PlusState {
  const plusPlans = recordsOf(item.plans).filter((plan) => PLUS_PLAN.test(textOrNull(plan.plan_name) ?? ""));
  const isPlusCatalog = plusPlans.length > 0 || item.is_ayce === true;
  if (!isPlusCatalog || textOrNull(item.origin_type) === "Purchase")
    return { isPlusCatalog, planEndsAt: null };
  const ends = plusPlans.map((plan) => realEnd(plan.end_date)).filter((d): d is Date => d !== null);
  const rights = isRecord(item.customer_rights) ? realEnd(item.customer_rights.is_consumable_until) : null;
  if (rights) ends.push(rights);
  if (ends.length === 0) return { isPlusCatalog, planEndsAt: null };
  return { isPlusCatalog, planEndsAt: new Date(Math.min(...ends.map((d) => d.getTime()))) };
}
