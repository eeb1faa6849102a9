import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeOutput } from "./transformer";

const roundTrip = (serialized: unknown) => superjson.deserialize(JSON.parse(JSON.stringify(serialized)));
const withoutReferences = (result: ReturnType<typeof superjson.serialize>) => {
  if (!result.meta) return result;
  const { referentialEqualities: _, ...meta } = result.meta;
  return Object.keys(meta).length > 1 ? { ...result, meta } : { json: result.json };
};

const shared = new Date("2024-03-01T10:00:00Z");
const plainCases: [string, unknown][] = [
  [
    "a library page",
    {
      items: [
        {
          id: "a",
          title: "T",
          authors: ["A", "B"],
          finishedAt: null,
          addedAt: new Date("2024-01-02T03:04:05.678Z"),
          progressPercent: 12.5,
        },
        { id: "b", title: "U", authors: [], finishedAt: new Date(0), addedAt: null, progressPercent: 0 },
      ],
      nextCursor: null,
      total: { count: 2, capped: false },
    },
  ],
  ["undefined fields and array slots", { a: undefined, b: [1, undefined, 3], c: { d: undefined } }],
  ["keys with dots and backslashes", { "a.b": new Date(1), "c\\d": { "e.f\\": undefined } }],
  ["a Date at the root", new Date("2020-02-02T00:00:00Z")],
  ["undefined at the root", undefined],
  ["null, strings, numbers, booleans", [null, "", "x", 0, -1.5, 1e21, true, false]],
  ["an empty object and array", { a: {}, b: [] }],
  ["a null-prototype object", Object.assign(Object.create(null) as object, { when: new Date(5) })],
  ["one Date in two places", { a: shared, b: shared }],
  ["nothing to annotate", { connected: false, availability: "available" }],
];

const otherCases: [string, unknown][] = [
  ["a Map and a Set", { m: new Map([["k", 1]]), s: new Set([1]) }],
  ["a bigint", { n: 10n }],
  ["NaN, Infinity and -0", { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0 }],
  ["an invalid date", { d: new Date(Number.NaN) }],
  [
    "a class instance",
    {
      e: new (class Point {
        x = 1;
      })(),
    },
  ],
  ["a RegExp and an Error", { r: /x/g, e: new Error("boom") }],
  ["a URL", { u: new URL("https://example.com/") }],
];

describe("serializeOutput", () => {
  it.each(plainCases)("writes superjson's format for %s", (_, value) => {
    expect(serializeOutput(value)).toStrictEqual(withoutReferences(superjson.serialize(value)));
    expect(roundTrip(serializeOutput(value))).toStrictEqual(roundTrip(superjson.serialize(value)));
  });

  it.each(otherCases)("hands %s to superjson", (_, value) => {
    expect(serializeOutput(value)).toStrictEqual(superjson.serialize(value));
  });

  it("hands a cycle to superjson rather than recursing forever", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(serializeOutput(cyclic)).toStrictEqual(superjson.serialize(cyclic));
  });

  it("refuses prototype-polluting keys exactly as superjson does", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    expect(() => serializeOutput(value)).toThrow(/prototype pollution/);
  });

  it("returns plain JSON, never the Dates it was given", () => {
    const { json } = serializeOutput({ at: [new Date(0)] }) as { json: { at: unknown[] } };
    expect(json.at[0]).toBe("1970-01-01T00:00:00.000Z");
  });
});
