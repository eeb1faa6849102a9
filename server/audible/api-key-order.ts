/**
 * `value` with every object's keys in alphabetical order, at every level: the order in which Audible's
 * library API sends an item's fields, as all captured responses show. Arrays keep their order.
 */
export function inApiKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inApiKeyOrder);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, inApiKeyOrder(record[key])]),
  );
}
