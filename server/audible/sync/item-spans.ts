const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const SPACE = 0x20;

/** Where the elements of the top-level `"items"` array lie in a JSON text, as byte offsets. */
export type ItemSpans = {
  /** Offsets of the array's `[` and `]`. */
  open: number;
  close: number;
  /** Start and end (exclusive) of each element, in pairs; an element may carry trailing white space. */
  bounds: number[];
};

/** The index of the quote that ends the string opened at `open`, or -1. */
function closingQuote(bytes: Uint8Array, open: number): number {
  for (let at = bytes.indexOf(QUOTE, open + 1); at >= 0; at = bytes.indexOf(QUOTE, at + 1)) {
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

const isItemsKey = (bytes: Uint8Array, open: number, close: number) =>
  close - open === 6 &&
  bytes[open + 1] === 0x69 && // i
  bytes[open + 2] === 0x74 && // t
  bytes[open + 3] === 0x65 && // e
  bytes[open + 4] === 0x6d && // m
  bytes[open + 5] === 0x73; // s

/**
 * Finds the top-level `"items"` array of a library page and the bounds of its elements without parsing
 * them, so each title can be parsed and mapped on its own (page-items.ts). This only tracks strings and
 * nesting; it does not check the JSON. Whatever it finds, the caller proves by parsing: every element,
 * and the page with the array cut out, where `"items"` must turn out to be the cut. Null when there is no
 * such array or the text ends inside it.
 */
export function itemSpans(bytes: Uint8Array): ItemSpans | null {
  let depth = 0;
  let keyNext = false;
  let itemsKey = false;
  let open = -1;
  let start = -1;
  const bounds: number[] = [];
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at]!;
    if (byte <= SPACE) continue;
    if (depth === 0 && byte !== OPEN_OBJECT) return null;
    const inItems = open >= 0 && depth === 2;
    if (inItems && byte === COMMA) {
      if (start < 0) return null; // no element before it: not JSON
      bounds.push(start, at);
      start = -1;
      continue;
    }
    if (inItems && byte === CLOSE_ARRAY) {
      if (start >= 0) bounds.push(start, at);
      else if (bounds.length > 0) return null; // a comma and then nothing: not JSON
      return { open, close: at, bounds };
    }
    if (inItems && start < 0) start = at;
    if (byte === QUOTE) {
      const end = closingQuote(bytes, at);
      if (end < 0) return null;
      if (depth === 1 && keyNext) itemsKey = isItemsKey(bytes, at, end);
      keyNext = false;
      at = end;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (depth === 1 && byte === OPEN_ARRAY && itemsKey) open = at;
      depth += 1;
      keyNext = depth === 1;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth -= 1;
    } else if (byte === COMMA && depth === 1) {
      keyNext = true;
      itemsKey = false;
    }
  }
  return null;
}
