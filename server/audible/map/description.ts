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

function plainText(safeHtml: string): string {
  return safeHtml
    .replace(/<[^>]*>/g, " ")
    .replace(/&(?:amp|lt|gt|quot);/g, (entity) => ESCAPED[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
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
    const length = plainText(raw.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")).length;
    if (length > bestLength) [best, bestLength] = [raw, length];
  }
  if (!best) return null;
  const sanitized = sanitizeDescription(best);
  return sanitized.text ? sanitized : null;
}
