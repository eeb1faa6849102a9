import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemSpans } from "./item-spans";

const bytes = (text: string) => Buffer.from(text);

/** The elements itemSpans finds, each parsed on its own, and the text with the array cut out. */
function split(text: string) {
  const body = bytes(text);
  const spans = itemSpans(body);
  if (!spans) return null;
  const elements: unknown[] = [];
  for (let i = 0; i < spans.bounds.length; i += 2)
    elements.push(JSON.parse(body.subarray(spans.bounds[i], spans.bounds[i + 1]).toString()));
  const rest = `${body.subarray(0, spans.open).toString()}0${body.subarray(spans.close + 1).toString()}`;
  return { elements, rest: JSON.parse(rest) as Record<string, unknown> };
}

/** JSON text with white space between every token, as a pretty-printer or a sloppy server might write it. */
const spaced = (value: unknown, indent: number) => JSON.stringify(value, null, indent);

describe("itemSpans", () => {
  it("finds exactly the elements JSON.parse finds, whatever they hold and however the text is spaced", () => {
    const element = fc.jsonValue();
    const page = fc.record({
      before: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
      items: fc.array(element, { maxLength: 8 }),
      after: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
    });
    fc.assert(
      fc.property(page, fc.integer({ min: 0, max: 3 }), ({ before, items, after }, indent) => {
        const { items: _drop, ...head } = before;
        const { items: _dropToo, ...tail } = after;
        const text = spaced({ ...head, items, ...tail }, indent);
        const found = split(text);
        expect(found?.elements).toEqual(JSON.parse(text).items);
        expect(found?.rest).toEqual(JSON.parse(JSON.stringify({ ...head, items: 0, ...tail })));
      }),
      { numRuns: 500 },
    );
  });

  it("is not misled by brackets, commas, quotes and backslashes inside strings, or by non-Latin text", () => {
    const items = [
      { title: 'a "quoted", [bracketed] {braced} title\\', note: "\\\\", x: '\\"' },
      "plain string, with a comma ]",
      { title: "冒険の物語 — d’été", nested: [[{ items: [1, 2] }], { items: "no" }] },
    ];
    const text = JSON.stringify({ 'it"ems': [9], items, items_after: [] });
    expect(split(text)?.elements).toEqual(items);
  });

  it("finds an empty list, and no list where there is none", () => {
    expect(split('{"items":[]}')?.elements).toEqual([]);
    expect(split('{"items":[ ]}')?.elements).toEqual([]);
    for (const text of [
      '{"items":null}',
      '{"other":[1,2]}',
      '{"nested":{"items":[1]}}',
      '[{"items":[1]}]',
      '"items"',
      "",
      "<html>Service Unavailable</html>",
    ])
      expect(itemSpans(bytes(text))).toBeNull();
  });

  it("gives up on text that ends inside the list or has an element missing", () => {
    for (const text of [
      '{"items":[{"asin":"A"},',
      '{"items":[{"asin":"A"}',
      '{"items":[{"asin":"A"},]}',
      '{"items":[,{"asin":"A"}]}',
      '{"items":[{"asin":"A"},,{"asin":"B"}]}',
      '{"items":["unterminated]}',
    ])
      expect(itemSpans(bytes(text))).toBeNull();
  });
});
