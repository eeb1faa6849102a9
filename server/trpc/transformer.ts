import superjson, { type SuperJSONResult } from "superjson";

const MAX_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

class Unsupported extends Error {}

type Annotations = Record<string, ["Date" | "undefined"]>;

const escapeKey = (key: string) =>
  /[.\\]/.test(key) ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key;

/**
 * superjson's JSON for plain data (a Date as its ISO string, undefined as null) and its annotations;
 * throws for anything else: Maps, Sets, bigints, class instances, NaN, ±Infinity, -0, invalid dates,
 * cycles. The copy is plain JSON, as tRPC's streaming encoder expects of transformed output.
 */
function plain(value: unknown, path: string, annotations: Annotations, depth: number): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw new Unsupported();
    return value;
  }
  if (value === undefined) {
    annotations[path] = ["undefined"];
    return null;
  }
  if (typeof value !== "object" || depth > MAX_DEPTH) throw new Unsupported();
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Date.prototype) {
    const date = value as Date;
    if (Number.isNaN(date.getTime())) throw new Unsupported();
    annotations[path] = ["Date"];
    return date.toISOString();
  }
  const prefix = path === "" ? "" : `${path}.`;
  if (prototype === Array.prototype) {
    const array = value as unknown[];
    const copy = new Array<unknown>(array.length);
    for (let index = 0; index < array.length; index += 1) {
      if (!(index in array)) throw new Unsupported();
      copy[index] = plain(array[index], `${prefix}${index}`, annotations, depth + 1);
    }
    return copy;
  }
  if (prototype !== Object.prototype && prototype !== null) throw new Unsupported();
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new Unsupported();
    const nested = (value as Record<string, unknown>)[key];
    copy[key] = plain(nested, `${prefix}${escapeKey(key)}`, annotations, depth + 1);
  }
  return copy;
}

/**
 * superjson's wire format for what procedures return, without superjson's general walker: that one
 * copies the path at every node and tracks every object's identity, which made serialising a library
 * page cost more than reading it from Postgres. Plain data (objects, arrays, strings, finite numbers,
 * booleans, null, undefined, valid Dates) is written here; anything else goes to superjson itself.
 * The client's superjson reads both alike; only a shared reference comes back as equal copies rather
 * than one object, which nothing here relies on.
 */
export function serializeOutput(value: unknown): SuperJSONResult {
  const annotations: Annotations = {};
  let json: unknown;
  try {
    json = plain(value, "", annotations, 0);
  } catch (error) {
    if (error instanceof Unsupported) return superjson.serialize(value);
    throw error;
  }
  const root = annotations[""];
  const values = root ?? (Object.keys(annotations).length > 0 ? annotations : undefined);
  return (values ? { json, meta: { values, v: 1 } } : { json }) as SuperJSONResult;
}

/** Inputs are small and arrive from clients: superjson's own reader handles them. */
export const transformer = {
  input: superjson,
  output: { serialize: serializeOutput, deserialize: superjson.deserialize.bind(superjson) },
};
