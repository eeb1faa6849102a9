/** Lenient readers: Audible fields vary by response group and era, so a wrong type reads as "absent". */
export function textOrNull(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Audible sends `…49Z`, `…49.000Z` and `…00.00000Z` for the same kind of field; normalising the fraction to
 * milliseconds makes all three parse to the same instant on every engine.
 */
export function parseTimestamp(value: unknown): Date | null {
  const raw = textOrNull(value);
  if (!raw) return null;
  const match = ISO_TIMESTAMP.exec(raw);
  if (!match) return null;
  const millis = (match[2] ?? "").padEnd(3, "0").slice(0, 3);
  const date = new Date(`${match[1]}.${millis}${match[3]}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function dateOnly(value: unknown): string | null {
  const raw = textOrNull(value);
  return raw && ISO_DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : null;
}
