import { hash } from "node:crypto";
import { copyField, copyValues, jsonKeysOf, sharedKeys, type CopyValues } from "@/server/db/copy-text";
import { media, userMedia } from "@/server/db/schema/library";
import { canonicalJson, hashValues, orderedKeys } from "./hashes";

/**
 * A catalogue row's values as COPY text in canonical form: keys in order, undefined left out, json columns
 * as canonical JSON. The content hash is taken over this text, the very line the bulk writer sends, so a
 * sync encodes each title once instead of also stringifying it as JSON for the hash (a fifth of the mapper
 * thread's time). Hashes stored before this change no longer match: the next sync rewrites each catalogue
 * row once, which changes no count a person sees (those come from the personal rows).
 */
export function canonicalCatalogueLine(values: Record<string, unknown>): string {
  const json = jsonKeysOf(media);
  const fields: string[] = [];
  for (const key of orderedKeys(values)) {
    const value = values[key];
    if (key === "contentHash" || value === undefined) continue;
    fields.push(
      json.has(key) && value !== null ? copyField(canonicalJson(value), false) : copyField(value, false),
    );
  }
  return fields.join("\t");
}

export function withContentHash<T extends Record<string, unknown>>(values: T): T & { contentHash: string } {
  return { ...values, contentHash: hash("sha1", canonicalCatalogueLine(values)) };
}

const keysAndHash = new WeakMap<readonly string[], readonly string[]>();

/** A row's encoded line with its hash appended as the column `key`; rows of one shape share the keys. */
function withHash(row: CopyValues, key: string, value: string): CopyValues {
  let keys = keysAndHash.get(row.keys);
  if (!keys) keysAndHash.set(row.keys, (keys = [...row.keys, key]));
  return { line: `${row.line}\t${value}`, keys };
}

/**
 * Encodes a catalogue row built in canonical form (the mapper builds keys and nested values in order;
 * map-item.test.ts and map-simulator.test.ts hold it to canonicalCatalogueLine) and appends its hash: the
 * row the writer sends, and the hash it compares with the stored one.
 */
export function hashedCatalogueRow(values: Record<string, unknown>): {
  row: CopyValues;
  contentHash: string;
} {
  const encoded = copyValues(media, values);
  const contentHash = hash("sha1", encoded.line);
  return { row: withHash(encoded, "contentHash", contentHash), contentHash };
}

const quotedKeys = new Map<string, string>();
const quotedKey = (key: string) => {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) quotedKeys.set(key, (quoted = `${JSON.stringify(key)}:`));
  return quoted;
};

/**
 * A flat row of scalars (text, numbers, booleans, dates, nulls) in key order, as JSON.stringify writes it
 * and as COPY text, in one pass: the personal row is hashed over the JSON (hashes already stored were taken
 * over it) and written as the COPY text, and each date was turned into text twice (the two encodings were
 * a tenth of mapping a title). Null for a row out of key order or holding other kinds of values.
 * hashed-rows.test.ts holds both texts to JSON.stringify and copyValues.
 */
function flatRowTexts(values: Record<string, unknown>, exclude: string) {
  const keys = Object.keys(values);
  let json = "{";
  let line = "";
  const written: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = values[key];
    if (key === exclude || value === undefined) continue;
    if (written.length > 0 && written[written.length - 1]! >= key) return null;
    let asJson = "null";
    let asCopy = "\\N";
    if (typeof value === "string") {
      asJson = JSON.stringify(value);
      asCopy = copyField(value, false);
    } else if (typeof value === "boolean") {
      asJson = value ? "true" : "false";
      asCopy = value ? "t" : "f";
    } else if (typeof value === "number") {
      if (Number.isFinite(value)) asJson = asCopy = String(value);
    } else if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) {
        asCopy = value.toISOString();
        asJson = `"${asCopy}"`;
      }
    } else if (value !== null) return null;
    json += `${written.length === 0 ? "" : ","}${quotedKey(key)}${asJson}`;
    line = written.length === 0 ? asCopy : `${line}\t${asCopy}`;
    written.push(key);
  }
  return { json: `${json}}`, row: { line, keys: sharedKeys(userMedia, written) } };
}

/**
 * A personal row's hash (over its JSON, as ever) and the row as COPY text with the hash last. Built for
 * the mapper's flat, key-ordered rows; any other shape is encoded the general way.
 */
export function hashedStateRow(values: Record<string, unknown>): { row: CopyValues; stateHash: string } {
  const texts = flatRowTexts(values, "stateHash");
  if (!texts) {
    const stateHash = hashValues(values, "stateHash");
    return { row: copyValues(userMedia, { ...values, stateHash }), stateHash };
  }
  const stateHash = hash("sha1", texts.json);
  return { row: withHash(texts.row, "stateHash", stateHash), stateHash };
}
