import { hash } from "node:crypto";

/**
 * JSON.stringify lists array-index keys first, in numeric order; Object.keys already returns them that way,
 * so only the string keys after them need sorting.
 */
export function orderedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let indexKeys = 0;
  while (indexKeys < keys.length && isIndexKey(keys[indexKeys]!)) indexKeys++;
  if (indexKeys === 0) return keys.sort();
  return [...keys.slice(0, indexKeys), ...keys.slice(indexKeys).sort()];
}

const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;
const isIndexKey = (key: string) => INDEX_KEY.test(key) && Number(key) < 4_294_967_295;

/**
 * Writes the JSON text directly instead of building a sorted copy and stringifying it: a sync hashes two
 * values per title, and the copies were most of the cost. The text is byte-for-byte what the earlier
 * `JSON.stringify(sortedCopy)` gave, so hashes already stored stay valid (see hashes.test.ts).
 */
function write(value: unknown): string | undefined {
  if (value === undefined || value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(write(value[i]) ?? "null");
    return `[${items.join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of orderedKeys(record)) {
    if (record[key] === undefined) continue;
    const text = write(record[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}

/** Key order and Date objects must not change the hash, or every sync would rewrite every row. */
export function canonicalJson(value: unknown): string {
  return write(value) ?? "null";
}

/** The JSON text a hash was taken over and the keys it holds. */
export type ValuesJson = { json: string; keys: readonly string[] };

/**
 * `canonicalJson(values without exclude)` and its hash, computed with one native JSON.stringify: only the top
 * level is put in key order here, because the nested values a mapper builds are in canonical order already
 * (contributors and series entries are built key-sorted, cover sizes are index keys). map-item.test.ts
 * holds this to canonicalJson for every captured item; a nested object built out of order would change a
 * hash (one rewrite of that row), never the data.
 *
 * A mapper that builds its object literal in key order (mapMediaValues does) is stringified as it is: the
 * sorted copy, built key by key, was a dictionary-mode object that cost more to make and to stringify than
 * the rest of the hashing.
 */
export function hashedJson(values: Record<string, unknown>, exclude: string): ValuesJson & { hash: string } {
  const all = Object.keys(values);
  const keys: string[] = [];
  let inOrder = true;
  for (let i = 0; i < all.length; i++) {
    const key = all[i]!;
    if (key === exclude || (i > 0 && all[i - 1]! >= key)) inOrder = false;
    if (values[key] !== undefined && key !== exclude) keys.push(key);
  }
  if (!inOrder) keys.sort();
  const json = JSON.stringify(inOrder ? values : pick(values, keys));
  return { json, keys, hash: hash("sha1", json) };
}

function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  // No prototype, so a key named "__proto__" is kept as data like any other.
  const picked: Record<string, unknown> = Object.create(null);
  for (const key of keys) picked[key] = values[key];
  return picked;
}

export function hashValues(values: Record<string, unknown>, exclude: string): string {
  return hashedJson(values, exclude).hash;
}

export function withStateHash<T extends Record<string, unknown>>(values: T): T & { stateHash: string } {
  return { ...values, stateHash: hashValues(values, "stateHash") };
}
