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

export function sanitizeDescription(html: string): SanitizedDescription {
  const safe = sanitizeHtml(html, OPTIONS).trim();
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
