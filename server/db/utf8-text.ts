import { types, type PGliteOptions } from "@electric-sql/pglite";

/**
 * A large text parameter (a bulk write's JSON) that PGlite sends as UTF-8 bytes. PGlite measures and
 * encodes a string parameter in JavaScript, character by character, twice: for a 600 KB chunk that was a
 * fifth of an embedded import. As bytes it is encoded natively and sent in binary format, which for text
 * is exactly its UTF-8. Postgres (postgres.js) reads it as the plain string it stands for.
 */
export class Utf8Text {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/**
 * PGlite's serializer for text parameters: Utf8Text as bytes, anything else as before. Serializers are
 * typed as returning strings, but PGlite's Bind sends any ArrayBuffer view as a binary-format parameter
 * (pinned version; bulk.test.ts writes non-ASCII text through it on both databases).
 */
export const pgliteSerializers: NonNullable<PGliteOptions["serializers"]> = {
  [types.TEXT]: (value: unknown) =>
    value instanceof Utf8Text ? (Buffer.from(value.text) as unknown as string) : String(value),
};
