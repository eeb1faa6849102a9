import {
  asinFor,
  generateEntrySeed,
  generateEpisode,
  generateTitle,
  formatTimestamp,
  type Title,
} from "./generator";

export type Progress = { percent: number; finishedAt: string | null };

export type Entry = {
  asin: string;
  index: number;
  purchaseDate: string;
  status: "Active" | "Revoked";
  /** Library version at the last change; drives `state_token` deltas. */
  changedAt: number;
  progress: Progress | null;
};

const MAX_CACHED_PAGES = 40;

/** A per-version cache (cleared on every change) that forgets its oldest entry beyond MAX_CACHED_PAGES. */
function cachedUntilChange<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const value = make();
  if (cache.size >= MAX_CACHED_PAGES) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

export type SortKey = "Author" | "Length" | "Narrator" | "PurchaseDate" | "Title";

/**
 * One account's library. Entries are cheap and created eagerly; full titles are generated on first use and
 * cached, so a 20,000-title library costs little until it is read.
 */
export class LibraryStore {
  readonly entries: Entry[] = [];
  private readonly byAsin = new Map<string, Entry>();
  private readonly titles = new Map<number, Title>();
  private readonly sorted = new Map<string, Entry[]>();
  private readonly pages = new Map<string, Buffer>();
  private readonly selections = new Map<string, unknown[]>();
  private nextIndex = 0;
  version: number;

  constructor(
    readonly seed: string,
    size: number,
    nowMs: number,
  ) {
    this.version = nowMs;
    for (let i = 0; i < size; i++) this.add(this.version);
    // The default order is built up front so the first page of a big library is not slower than the rest.
    this.sortedEntries("-PurchaseDate");
  }

  private add(changedAt: number, purchaseDate?: string): Entry {
    const index = this.nextIndex++;
    const start = generateEntrySeed(this.seed, index);
    const entry: Entry = {
      asin: asinFor(this.seed, index),
      index,
      purchaseDate: purchaseDate ?? start.purchaseDate,
      status: start.revoked ? "Revoked" : "Active",
      changedAt,
      progress: start.progress,
    };
    this.entries.push(entry);
    this.byAsin.set(entry.asin, entry);
    return entry;
  }

  title(entry: Entry): Title {
    const cached = this.titles.get(entry.index);
    if (cached) return cached;
    const title = generateTitle(this.seed, entry.index);
    this.titles.set(entry.index, title);
    return title;
  }

  get(asin: string): Entry | undefined {
    return this.byAsin.get(asin);
  }

  /** Podcast episodes are not library entries; they are reachable through their parent (`parent_asin`). */
  episodes(parent: Entry): Title[] {
    const title = this.title(parent);
    if (title.kind !== "podcast") return [];
    return title.childAsins.map((_, i) => generateEpisode(title, i + 1));
  }

  private bump(nowMs: number): number {
    this.version = Math.max(nowMs, this.version + 1);
    this.sorted.clear();
    this.pages.clear();
    this.selections.clear();
    return this.version;
  }

  buy(count: number, nowMs: number): Entry[] {
    const changedAt = this.bump(nowMs);
    const purchaseDate = formatTimestamp(new Date(nowMs), true);
    return Array.from({ length: count }, () => {
      const entry = this.add(changedAt, purchaseDate);
      entry.status = "Active";
      entry.progress = null;
      return entry;
    });
  }

  setStatus(asin: string, status: Entry["status"], nowMs: number): Entry | undefined {
    const entry = this.byAsin.get(asin);
    if (!entry) return undefined;
    entry.status = status;
    entry.changedAt = this.bump(nowMs);
    return entry;
  }

  setProgress(asin: string, progress: Progress | null, nowMs: number): Entry | undefined {
    const entry = this.byAsin.get(asin);
    if (!entry) return undefined;
    entry.progress = progress;
    entry.changedAt = this.bump(nowMs);
    return entry;
  }

  /**
   * Rendered pages, per request shape, until the library changes. Real Audible's rendering costs us
   * nothing; on a two-core machine the simulator's would be charged to the app the benchmark measures.
   */
  renderedPage(key: string, render: () => string): Buffer {
    return cachedUntilChange(this.pages, key, () => Buffer.from(render()));
  }

  /**
   * The rows a query selects (every page of it), until the library changes: each page's request selects
   * from the whole library to tell its Total-Count, 10,000 entries a request.
   */
  selection<T>(key: string, select: () => T[]): T[] {
    return cachedUntilChange(this.selections, key, select) as T[];
  }

  /** Sorted views are cached per version so deep pages of a big library stay cheap. */
  sortedEntries(sortBy: string): Entry[] {
    const cached = this.sorted.get(sortBy);
    if (cached) return cached;
    const descending = sortBy.startsWith("-");
    const key = (descending ? sortBy.slice(1) : sortBy) as SortKey;
    const value = (entry: Entry): string | number => {
      if (key === "PurchaseDate") return Date.parse(entry.purchaseDate);
      const title = this.title(entry);
      if (key === "Title") return title.title;
      if (key === "Author") return title.authors[0]?.name ?? "";
      if (key === "Narrator") return title.narrators[0]?.name ?? "";
      return title.runtimeMin;
    };
    const keyed = this.entries.map((entry) => ({ entry, v: value(entry) }));
    keyed.sort((a, b) => {
      const order = a.v < b.v ? -1 : a.v > b.v ? 1 : a.entry.asin < b.entry.asin ? -1 : 1;
      return descending ? -order : order;
    });
    const result = keyed.map((k) => k.entry);
    this.sorted.set(sortBy, result);
    return result;
  }
}
