import { cellText, type Parsed } from "./cells";

type Parts = { y: number; m: number; d: number; h: number; min: number; s: number; ms: number; zone: string };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
// Libation's CSV dates follow the exporting machine's culture: "1/15/2020 3:04:05 PM" or "15.01.2020 15:04:05".
const CULTURE = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

function fromIso(m: RegExpExecArray): Parts {
  const zone = m[8]
    ? m[8].toUpperCase() === "Z"
      ? "Z"
      : m[8].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")
    : "Z";
  const ms = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  return { y: +m[1]!, m: +m[2]!, d: +m[3]!, h: +(m[4] ?? 0), min: +(m[5] ?? 0), s: +(m[6] ?? 0), ms, zone };
}

function fromCulture(m: RegExpExecArray): Parts {
  const [a, b] = [Number(m[1]), Number(m[3])];
  // Dotted dates are day-first; slashed ones month-first (en-US) unless the first number cannot be a month.
  const dayFirst = m[2] === "." || a > 12;
  let h = Number(m[5] ?? 0);
  const meridiem = m[8]?.toUpperCase();
  if (meridiem === "PM" && h < 12) h += 12;
  if (meridiem === "AM" && h === 12) h = 0;
  const [d, mon] = dayFirst ? [a, b] : [b, a];
  return { y: Number(m[4]), m: mon, d, h, min: Number(m[6] ?? 0), s: Number(m[7] ?? 0), ms: 0, zone: "Z" };
}

function parts(text: string): Parts | null {
  const iso = ISO.exec(text);
  if (iso) return fromIso(iso);
  const slashed = SLASHED.exec(text);
  if (slashed)
    return { y: +slashed[1]!, m: +slashed[2]!, d: +slashed[3]!, h: 0, min: 0, s: 0, ms: 0, zone: "Z" };
  const culture = CULTURE.exec(text);
  return culture ? fromCulture(culture) : null;
}

/** Rejects Feb 30 and friends, which Date would silently roll into March. */
function valid(p: Parts): boolean {
  if (p.m < 1 || p.m > 12 || p.d < 1 || p.h > 23 || p.min > 59 || p.s > 59 || p.y < 1900 || p.y > 2200)
    return false;
  return p.d <= new Date(Date.UTC(p.y, p.m, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * Any date an export may hold → an ISO instant `mapLibraryItem` reads. Times without a zone (Libation's
 * samples) are taken as UTC. Unreadable → a row error naming the column, never a guess.
 */
export function fileTimestamp(value: unknown, column: string): Parsed<string | null> {
  const text = cellText(value);
  if (!text) return { ok: true, value: null };
  const p = parts(text);
  if (!p || !valid(p))
    return { ok: false, reason: `"${text.slice(0, 40)}" in ${column} is not a date we can read` };
  const local = `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}:${pad(p.s)}.${pad(p.ms, 3)}`;
  const date = new Date(`${local}${p.zone}`);
  if (Number.isNaN(date.getTime()))
    return { ok: false, reason: `"${text.slice(0, 40)}" in ${column} is not a date we can read` };
  return { ok: true, value: date.toISOString() };
}

/** Release dates are calendar days: the date part as written, whatever time the export appended. */
export function fileDay(value: unknown, column: string): Parsed<string | null> {
  const text = cellText(value);
  if (!text) return { ok: true, value: null };
  const p = parts(text);
  if (!p || !valid(p))
    return { ok: false, reason: `"${text.slice(0, 40)}" in ${column} is not a date we can read` };
  return { ok: true, value: `${p.y}-${pad(p.m)}-${pad(p.d)}` };
}
