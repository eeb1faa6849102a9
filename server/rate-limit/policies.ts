type WindowUnit = "s" | "m" | "h" | "d";

export type RatePolicy = {
  limit: number;
  window: `${number}${WindowUnit}`;
  /** What happens while the store is down: "closed" refuses the action, "open" lets it through and logs. */
  failure: "open" | "closed";
};

export type ResolvedRatePolicy = { limit: number; windowMs: number; failure: RatePolicy["failure"] };

// Abuse-sensitive actions fail closed (they reach Amazon or cost us a background job); cheap reads fail
// open. Sign-in fails closed too: a password guesser must not get unlimited tries during a Redis outage.
export const ratePolicies = {
  "audible.connect.start": { limit: 3, window: "1h", failure: "closed" },
  "audible.connect.complete": { limit: 10, window: "1m", failure: "closed" },
  "audible.sync": { limit: 10, window: "1d", failure: "closed" },
  "audible.disconnect": { limit: 10, window: "1h", failure: "closed" },
  "audible.status": { limit: 60, window: "1m", failure: "open" },
  "audible.search": { limit: 30, window: "1m", failure: "open" },
  "auth.signIn": { limit: 10, window: "1m", failure: "closed" },
} as const satisfies Record<string, RatePolicy>;

export type RatePolicyName = keyof typeof ratePolicies;
export type RatePolicyTable = Record<RatePolicyName, ResolvedRatePolicy>;

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const satisfies Record<
  WindowUnit,
  number
>;
const SPEC = /^\s*(\d+)\s*\/\s*(\d*)\s*([smhd])\s*$/;
const ENV_PREFIX = "RATE_LIMIT_";

/** "audible.connect.start" → "RATE_LIMIT_AUDIBLE_CONNECT_START", "auth.signIn" → "RATE_LIMIT_AUTH_SIGN_IN". */
export function policyEnvName(name: RatePolicyName): string {
  return (
    ENV_PREFIX +
    name
      .replace(/([a-z])([A-Z])/g, "$1_$2")
      .replace(/\./g, "_")
      .toUpperCase()
  );
}

/** Parses "<count>/<duration>" such as "3/1h", "10/m" or "100/30s"; null when malformed. */
export function parseRateSpec(spec: string): { limit: number; windowMs: number } | null {
  const match = SPEC.exec(spec);
  if (!match) return null;
  const limit = Number(match[1]);
  const amount = match[2] ? Number(match[2]) : 1;
  const unit = match[3] as WindowUnit;
  if (!Number.isSafeInteger(limit) || limit < 1 || !Number.isSafeInteger(amount) || amount < 1) return null;
  return { limit, windowMs: amount * UNIT_MS[unit] };
}

/**
 * The effective table: defaults with environment overrides applied. Throws on a malformed value or an
 * unknown RATE_LIMIT_* name, so a typo fails at start-up instead of silently keeping the default.
 */
export function resolveRatePolicies(env: Record<string, string | undefined> = process.env): RatePolicyTable {
  const names = Object.keys(ratePolicies) as RatePolicyName[];
  const known = new Map(names.map((name) => [policyEnvName(name), name]));
  const unknown = Object.keys(env).filter((key) => key.startsWith(ENV_PREFIX) && !known.has(key));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown rate-limit setting ${unknown.join(", ")}; known: ${[...known.keys()].join(", ")}.`,
    );
  }
  const entries = names.map((name) => {
    const defaults = ratePolicies[name];
    const override = env[policyEnvName(name)];
    if (override === undefined || override.trim() === "") {
      return [name, { ...parseRateSpec(`${defaults.limit}/${defaults.window}`)!, failure: defaults.failure }];
    }
    const parsed = parseRateSpec(override);
    if (!parsed) {
      throw new Error(
        `Invalid ${policyEnvName(name)}="${override}": expected "<count>/<duration>" such as "3/1h" (units s, m, h, d).`,
      );
    }
    return [name, { ...parsed, failure: defaults.failure }];
  });
  return Object.fromEntries(entries) as RatePolicyTable;
}
