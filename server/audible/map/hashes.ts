import { createHash } from "node:crypto";

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== "object" || value === null) return value ?? null;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
}

/** Key order and Date objects must not change the hash, or every sync would rewrite every row. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

export function hashValues(values: Record<string, unknown>, exclude: string): string {
  const { [exclude]: _ignored, ...rest } = values;
  return createHash("sha1").update(canonicalJson(rest)).digest("hex");
}

export function withContentHash<T extends Record<string, unknown>>(values: T): T & { contentHash: string } {
  return { ...values, contentHash: hashValues(values, "contentHash") };
}

export function withStateHash<T extends Record<string, unknown>>(values: T): T & { stateHash: string } {
  return { ...values, stateHash: hashValues(values, "stateHash") };
}
