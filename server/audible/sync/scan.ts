import type { AudibleApi, LibraryPage } from "../api";
import { LIBRARY_SYNC_IMAGE_SIZES, LIBRARY_SYNC_RESPONSE_GROUPS } from "../map";
import { isRecord, textOrNull } from "../map/values";

const TITLELESS_RETRIES = 2;

export type LibraryReader = Pick<AudibleApi, "libraryPage">;

export type ScanOptions<T> = {
  pageSize: number;
  pagesInFlight: number;
  stateToken?: string;
  parentAsin?: string;
  /**
   * Pages asked for before the first answer tells how many there are. A full scan of a big library asks for
   * a whole round at once instead of waiting one latency for page 1 alone; pages past the end come back
   * empty, which costs a small library a request or two.
   */
  firstRound?: number;
  /**
   * Turns a page's items into what `onPage` writes, as soon as the page arrives and in arrival order: the
   * CPU work then overlaps the previous page's database round trips, and the raw items can be let go.
   */
  prepare: (items: readonly unknown[]) => T;
  /** Called for every page in whatever order pages arrive; calls are serialised by the caller's queue. */
  onPage: (page: { number: number; prepared: T; pagesTotal: number; totalCount: number }) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
};

export type ScanResult = {
  pagesTotal: number;
  totalCount: number;
  stateToken: string | null;
  itemsSeen: number;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Audible sometimes answers the first call of a session with items lacking title and authors
 * (audible-cli works around it the same way): such a page is fetched again before it is believed.
 */
async function fetchPage<T>(
  api: LibraryReader,
  number: number,
  options: ScanOptions<T>,
): Promise<LibraryPage> {
  for (let attempt = 0; ; attempt++) {
    const page = await api.libraryPage({
      page: number,
      numResults: options.pageSize,
      responseGroups: LIBRARY_SYNC_RESPONSE_GROUPS,
      imageSizes: LIBRARY_SYNC_IMAGE_SIZES,
      sortBy: "-PurchaseDate",
      stateToken: options.stateToken,
      parentAsin: options.parentAsin,
    });
    const titleless = page.items.some((item) => isRecord(item) && !textOrNull(item.title));
    if (!titleless || attempt >= TITLELESS_RETRIES) return page;
    await (options.sleep ?? defaultSleep)(250 * (attempt + 1));
  }
}

const noop = () => {};

/** Keeps a write in the set until it settles; the tracking promise never rejects (the chain reports errors). */
function track(unwritten: Set<Promise<void>>, write: Promise<void>) {
  const settled: Promise<void> = write.then(noop, noop).then(() => void unwritten.delete(settled));
  unwritten.add(settled);
}

/** Pages read but not yet written, per page in flight: a round can arrive while the previous one is written. */
const UNWRITTEN_PER_PAGE_IN_FLIGHT = 2;

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads every page: the first round (page 1, or `firstRound` pages) tells how many there are, the rest go a
 * few at a time. Pages are handed on as they arrive; the scan throws on the first page that fails after the
 * client's retries.
 */
export async function scanLibrary<T>(api: LibraryReader, options: ScanOptions<T>): Promise<ScanResult> {
  const firstRound = Math.max(1, Math.min(options.firstRound ?? 1, options.pagesInFlight));
  const started = new Map<number, Promise<LibraryPage>>();
  const begin = (number: number) => {
    const page = fetchPage(api, number, options);
    page.catch(noop); // awaited below; a failure must not surface as an unhandled rejection meanwhile
    started.set(number, page);
  };
  for (let number = 1; number <= firstRound; number++) begin(number);

  const first = await started.get(1)!;
  const totalCount = first.totalCount ?? first.items.length;
  const pagesTotal = Math.max(1, Math.ceil(totalCount / options.pageSize));
  const remaining = Array.from({ length: Math.max(pagesTotal, firstRound) }, (_, index) => index + 1);
  let itemsSeen = 0;
  let writes: Promise<void> = Promise.resolve();
  const unwritten = new Set<Promise<void>>();
  const maxUnwritten = options.pagesInFlight * UNWRITTEN_PER_PAGE_IN_FLIGHT;

  /** The next page to read, its request started; waits while too many read pages are still unwritten. */
  const claim = async (): Promise<number | undefined> => {
    const number = remaining.shift();
    if (number === undefined || started.has(number)) return number;
    // Parsed pages are what a sync holds in memory: fetching may run ahead of the writer only so far.
    while (unwritten.size >= maxUnwritten) await Promise.race(unwritten);
    begin(number);
    return number;
  };
  const worker = async () => {
    for (let number = await claim(); number !== undefined;) {
      const page = await started.get(number)!.catch((error: unknown) => {
        remaining.length = 0; // the scan is lost anyway; stop asking for more pages
        throw error;
      });
      started.delete(number);
      // The next request goes out before this page's mapping, so its latency overlaps the CPU work; pages
      // that arrived alongside this one get to send theirs too before the mapping holds the thread.
      const next = await claim();
      await nextMacrotask();
      if (number <= pagesTotal || page.items.length > 0) {
        itemsSeen += page.items.length;
        // Fetches overlap; writes go one after another so the database sees one writer per run.
        const prepared = options.prepare(page.items);
        const current = number;
        writes = writes.then(() => options.onPage({ number: current, prepared, pagesTotal, totalCount }));
        track(unwritten, writes);
      } // else a first-round guess past the end
      number = next;
    }
  };
  const workers = Array.from({ length: Math.min(options.pagesInFlight, remaining.length) }, worker);
  const fetched = await Promise.allSettled(workers);
  await writes;
  const failure = fetched.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
  return { pagesTotal, totalCount, stateToken: first.stateToken, itemsSeen };
}
