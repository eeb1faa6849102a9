import { createRng, hashString, type Rng } from "./prng";
import * as data from "./generator-data";

export type Person = { asin: string | null; name: string };
export type SeriesRef = { asin: string; title: string; sequence: string; url: string };
export type TitleKind = "book" | "multipart" | "podcast" | "episode";

/** Everything about a product that does not depend on the owner; rendered per response group in render.ts. */
export type Title = {
  asin: string;
  kind: TitleKind;
  title: string;
  subtitle: string | null;
  authors: Person[];
  narrators: Person[];
  publisher: string;
  summaryHtml: string;
  series: SeriesRef[];
  runtimeMin: number;
  releaseDate: string;
  language: string;
  formatType: string;
  imageId: string;
  genre: (typeof data.GENRES)[number];
  ratingAverage: number;
  ratingCount: number;
  plusEndDate: string | null;
  childAsins: string[];
  parentAsin: string | null;
  episodeNumber: number | null;
  sku: string;
};

/** Per-owner starting state of a title (purchase, listening, return). */
export type EntrySeed = {
  purchaseDate: string;
  revoked: boolean;
  progress: { percent: number; finishedAt: string | null } | null;
};

const BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function base36(value: number, width: number): string {
  let out = "";
  for (let v = value; out.length < width; v = Math.floor(v / 36)) out = (BASE36[v % 36] ?? "0") + out;
  return out;
}

/** Child slot 0 is the title itself; 1..63 are parts/episodes, so every ASIN in a library is unique. */
export function asinFor(seed: string, index: number, child = 0): string {
  const slot = index * 64 + child;
  if (child === 0 && index % 37 === 5)
    return `17${String(hashString(seed) % 1000).padStart(3, "0")}${String(index).padStart(5, "0")}`;
  return `B0${base36(hashString(seed) % 1296, 2)}${base36(slot, 6)}`;
}

function isoDate(rng: Rng, fromYear: number, toYear: number): Date {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  return new Date(from + Math.floor(rng.next() * (to - from)));
}

function person(rng: Rng, withAsin: number): Person {
  const name = `${rng.pick(data.FIRST_NAMES)} ${rng.pick(data.LAST_NAMES)}`;
  return { asin: rng.chance(withAsin) ? `B0${base36(hashString(name), 8)}` : null, name };
}

function people(rng: Rng, max: number, withAsin: number): Person[] {
  return Array.from({ length: rng.int(1, max) }, () => person(rng, withAsin));
}

function seriesRef(rng: Rng): SeriesRef {
  const title = rng.pick(data.SERIES_NAMES);
  const asin = `B0${base36(hashString(title), 8)}`;
  return {
    asin,
    title,
    sequence: rng.pick(data.SERIES_SEQUENCES),
    url: `/pd/${title.replaceAll(" ", "-")}-Audiobook/${asin}`,
  };
}

function titleText(rng: Rng, index: number): string {
  if (rng.chance(0.06)) return rng.pick(data.NON_LATIN_TITLES);
  return `The ${rng.pick(data.TITLE_WORDS_A)} ${rng.pick(data.TITLE_WORDS_B)} ${index + 1}`;
}

function summary(rng: Rng, title: string): string {
  if (rng.chance(0.04)) return rng.pick(data.HOSTILE_HTML);
  return `<p><b>${title}</b> is a story about ${rng.pick(data.TITLE_WORDS_B).toLowerCase()}s.</p> <p>Unabridged edition.</p>`;
}

function pickKind(rng: Rng): TitleKind {
  const roll = rng.next();
  if (roll < 0.05) return "podcast";
  if (roll < 0.15) return "multipart";
  return "book";
}

export function generateTitle(seed: string, index: number): Title {
  const rng = createRng(`${seed}:${index}`);
  const kind = pickKind(rng);
  const asin = asinFor(seed, index);
  const title = kind === "podcast" ? `${rng.pick(data.PODCAST_NAMES)} ${index + 1}` : titleText(rng, index);
  const inSeries = kind !== "podcast" && rng.chance(0.6);
  const series = inSeries ? [seriesRef(rng)] : [];
  if (inSeries && rng.chance(0.12)) series.push(seriesRef(rng));
  const childCount = kind === "podcast" ? rng.int(3, 12) : kind === "multipart" ? rng.int(2, 4) : 0;
  const sku = `BK_SIMU_${String(hashString(asin) % 1000000).padStart(6, "0")}`;
  return {
    asin,
    kind,
    title,
    subtitle: rng.chance(0.4)
      ? series[0]
        ? `${series[0].title}, Book ${series[0].sequence || "1"}`
        : "A Novel"
      : null,
    authors: people(rng, rng.chance(0.15) ? 3 : 1, 0.7),
    narrators: people(rng, rng.chance(0.2) ? 3 : 1, 0.3),
    publisher: rng.pick(data.PUBLISHERS),
    summaryHtml: summary(rng, title),
    series,
    runtimeMin: kind === "podcast" ? 0 : rng.int(30, 3000),
    releaseDate: isoDate(rng, 1995, 2025).toISOString().slice(0, 10),
    language: rng.pick(data.LANGUAGES),
    formatType: rng.pick(data.FORMAT_TYPES),
    imageId: rng.pick(data.IMAGE_IDS),
    genre: rng.pick(data.GENRES),
    ratingAverage: Math.round((2.5 + rng.next() * 2.5) * 100) / 100,
    ratingCount: rng.int(0, 50000),
    plusEndDate:
      kind === "book" && rng.chance(0.1)
        ? `${rng.int(2024, 2027)}-0${rng.int(1, 9)}-15T00:00:00.00000Z`
        : null,
    childAsins: Array.from({ length: childCount }, (_, i) => asinFor(seed, index, i + 1)),
    parentAsin: null,
    episodeNumber: null,
    sku,
  };
}

export function generateEpisode(parent: Title, number: number): Title {
  const asin = parent.childAsins[number - 1];
  if (!asin) throw new Error(`episode ${number} out of range for ${parent.asin}`);
  return {
    ...parent,
    asin,
    kind: "episode",
    title: `${parent.title}: Episode ${number}`,
    subtitle: null,
    runtimeMin: 20 + ((number * 7) % 40),
    childAsins: [],
    parentAsin: parent.asin,
    episodeNumber: number,
    plusEndDate: null,
    sku: `${parent.sku}_E${number}`,
  };
}

/** Timestamps appear both with and without milliseconds in real responses. */
export function formatTimestamp(date: Date, withMillis: boolean): string {
  const iso = date.toISOString();
  return withMillis ? iso : iso.replace(/\.\d{3}Z$/, "Z");
}

export function generateEntrySeed(seed: string, index: number): EntrySeed {
  const rng = createRng(`${seed}:entry:${index}`);
  const purchased = isoDate(rng, 2012, 2025);
  const purchaseDate = formatTimestamp(purchased, rng.chance(0.5));
  const revoked = rng.chance(0.02);
  const roll = rng.next();
  if (roll < 0.5) return { purchaseDate, revoked, progress: null };
  if (roll < 0.8)
    return {
      purchaseDate,
      revoked,
      progress: { percent: Math.round(rng.next() * 9800 + 100) / 100, finishedAt: null },
    };
  const finished = new Date(
    Math.min(Date.UTC(2025, 11, 31), purchased.getTime() + rng.int(1, 400) * 86400000),
  );
  return { purchaseDate, revoked, progress: { percent: 100, finishedAt: formatTimestamp(finished, false) } };
}
