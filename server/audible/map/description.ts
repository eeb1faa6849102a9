import sanitizeHtml from "sanitize-html";
import { textOrNull } from "./values";

const SAFE_LINK = /^https?:\/\//i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a"],
  // rel/target are allowed only because the transform below sets them; any sent by Audible are overwritten.
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim();
      if (!href || !SAFE_LINK.test(href)) return { tagName, attribs: {} };
      return { tagName, attribs: { href, rel: "noopener noreferrer nofollow", target: "_blank" } };
    },
  },
};

// sanitize-html decodes every entity while parsing and re-escapes only these on output.
const ESCAPED: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

export function plainText(safeHtml: string): string {
  return safeHtml
    .replace(/<[^>]*>/g, " ")
    .replace(/&(?:amp|lt|gt|quot);/g, (entity) => ESCAPED[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

// What JavaScript's \s matches, by UTF-16 code unit: the whitespace plainText collapses.
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 5760 ||
    (code >= 8192 && code <= 8202) ||
    code === 8232 ||
    code === 8233 ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  );
}

/** How many code units an entity plainText decodes takes after its "&", or 0 when none starts here. */
function entityTail(html: string, at: number): number {
  for (const entity of ["amp;", "lt;", "gt;", "quot;"])
    if (html.startsWith(entity, at + 1)) return entity.length;
  return 0;
}

/**
 * `plainText(html).length` in one pass, building no strings: picking a description compares the lengths of
 * up to three summaries per title, and the three regex rewrites per candidate were a twentieth of mapping.
 * description.test.ts holds the two equal over generated markup.
 */
export function plainTextLength(html: string): number {
  // plainText's tag pattern needs a ">" after the "<": past the last one, a "<" is text.
  const lastClose = html.lastIndexOf(">");
  let length = 0;
  let started = false;
  let gap = false;
  for (let at = 0; at < html.length; at++) {
    const code = html.charCodeAt(at);
    if (code === 60 && at < lastClose) {
      at = html.indexOf(">", at);
      gap = true;
    } else if (isSpace(code)) {
      gap = true;
    } else {
      if (gap && started) length += 1;
      length += 1;
      started = true;
      gap = false;
      if (code === 38) at += entityTail(html, at);
    }
  }
  return length;
}

export type SanitizedDescription = { html: string; text: string };

const FORMATTING = new Set(["p", "b", "strong", "i", "em", "ul", "ol", "li"]);
const CLOSES_P = new Set(["p", "ul", "ol"]);
// A tag without attributes, or a character that needs the real parser: stray <, >, an entity, NUL.
const TOKEN = /<(\/?)([a-z]+)( ?\/)?>|[<>&\0]/g;

/**
 * The sanitizer's answer for the markup almost every summary is written in, computed without it: text
 * with no entities or stray brackets, and formatting tags with no attributes, properly nested, none that
 * the parser would close implicitly. Such input comes out unchanged but for `<br>` spelled `<br />`.
 * Anything else returns null and goes through sanitize-html, whose per-call setup cost more than mapping
 * the rest of a title. description.test.ts holds the two to the same output over generated markup.
 */
export function sanitizeSimpleMarkup(html: string): string | null {
  const open: string[] = [];
  let out = "";
  let copied = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [, closing, name, selfClosing] = match;
    if (name === "br" && !closing) {
      out += `${html.slice(copied, match.index)}<br />`;
      copied = TOKEN.lastIndex;
      continue;
    }
    if (!name || !FORMATTING.has(name) || selfClosing) return null;
    if (closing) {
      if (open.pop() !== name) return null;
    } else {
      if (CLOSES_P.has(name) && open.includes("p")) return null;
      if (name === "li" && open.at(-1) === "li") return null;
      open.push(name);
    }
  }
  if (open.length > 0) return null;
  return copied === 0 ? html : out + html.slice(copied);
}

/** The maintained sanitizer with the rules above; sanitizeSimpleMarkup answers the same for simple markup. */
export function sanitizeWithParser(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

export function sanitizeDescription(html: string): SanitizedDescription {
  const safe = (sanitizeSimpleMarkup(html) ?? sanitizeWithParser(html)).trim();
  return { html: safe, text: plainText(safe) };
}

/** The richest summary wins; the shorter ones are often truncated with "…". */
const DESCRIPTION_FIELDS = ["publisher_summary", "extended_product_description", "merchandising_summary"];

/**
 * Candidates are compared by a cheap tag-stripped length and only the winner is sanitized: sanitizing
 * is the costliest step of mapping an item, and running it on all three fields tripled it.
 */
export function pickDescription(item: Record<string, unknown>): SanitizedDescription | null {
  let best: string | null = null;
  let bestLength = 0;
  for (const field of DESCRIPTION_FIELDS) {
    const raw = textOrNull(item[field]);
    if (!raw) continue;
    const length = plainTextLength(raw.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ""));
    if (length > bestLength) [best, bestLength] = [raw, length];
  }
  if (!best) return null;
  const sanitized = sanitizeDescription(best);
  return sanitized.text ? sanitized : null;
}
