import { Worker } from "node:worker_threads";
import { log } from "@/server/log";
import { metrics } from "@/server/metrics";
import type { MapReply, MapRequest } from "./map-worker";
import { itemSpans } from "./item-spans";
import { mapPageBytes, type MappedPage } from "./page-items";
import { warmUpPage } from "./warm-up-page";

/** Turns a library page's body into items for the writer, on the main thread or off it. */
export type PageMapper = {
  map(bytes: Uint8Array, marketplace: string): Promise<MappedPage>;
  /** Gets ready for pages (starts the thread); resolves once pages can be mapped without that wait. */
  warm?(): Promise<void>;
};

const inThreadMapper: PageMapper = {
  map: async (bytes, marketplace) => {
    metrics.libraryPagesMapped.inc({ thread: "main" });
    return mapPageBytes(bytes, marketplace);
  },
};

/**
 * Mapping a page allocates ~25 MB, nearly all of it dead by the page's end, while the rows mapped so far
 * live until the page is sent back. With a young generation too small for a page (16 MB) the collector ran
 * ~4 times a page and copied those rows twice each: 10 pages took ~500 ms on the thread against ~450 with
 * 64 MB (96 or 128 MB gained nothing more). Memory growth during a 10,000-title import stays well under the
 * bench's 300 MB target (see README).
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 64 };

/**
 * Inside Next (next dev, next start) the bundler has built the thread as JavaScript of its own, found by
 * the `new Worker(new URL(...))` spelled out in full below. Elsewhere (tsx scripts, vitest) the thread runs
 * from TypeScript source and needs tsx's loader, which a worker does not inherit on Node 20: a small
 * bootstrap registers it, then loads the same module. (import.meta.url cannot tell the two apart: the
 * bundle reports the source file's name.)
 */
export function startMapperThread(): Worker {
  if (process.env.NEXT_RUNTIME)
    return new Worker(new URL("./map-worker.ts", import.meta.url), { resourceLimits: THREAD_LIMITS });
  const source = import.meta.url.replace(/page-mapper\.ts$/, "map-worker.ts");
  return new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    { eval: true, resourceLimits: THREAD_LIMITS },
  );
}

type Pending = MapRequest & {
  resolve: (page: MappedPage | PromiseLike<MappedPage>) => void;
  reject: (error: Error) => void;
};

/**
 * Parsing and mapping a 1,000-title page holds a thread for ~60 ms, during which the sync's main thread
 * could neither write the previous page nor take in the next, and the app answered no requests. One thread
 * per process maps instead (two cores: the database and the main thread share the other).
 *
 * A thread that cannot start at all (a bundling fault) is logged and pages are mapped on the main thread
 * from then on: slower, never broken. A thread that dies after working fails the pages it held (the run
 * fails and is retried) and the next page starts a new one.
 */
export class WorkerMapper implements PageMapper {
  private worker: Worker | null = null;
  private started = false;
  private fallback = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private ready: Promise<void> = Promise.resolve();
  private markReady = () => {};

  constructor(private readonly spawn: () => Worker = startMapperThread) {}

  warm(): Promise<void> {
    if (!this.fallback && !this.worker) this.start();
    return this.ready;
  }

  map(bytes: Uint8Array, marketplace: string): Promise<MappedPage> {
    if (this.fallback) return inThreadMapper.map(bytes, marketplace);
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    // Found here, not on the thread: mapping is the slower end of a sync, this thread mostly waits on it.
    const spans = itemSpans(bytes);
    return new Promise<MappedPage>((resolve, reject) => {
      this.pending.set(id, { id, bytes, marketplace, spans, resolve, reject });
      // Keeps the process alive only while pages are out, so an idle thread never holds up an exit.
      if (this.pending.size === 1) worker.ref();
      // Copied, not transferred: a memcpy, and the caller's buffer stays usable.
      worker.postMessage({ id, bytes, marketplace, spans } satisfies MapRequest);
    });
  }

  private start(): Worker {
    const worker = this.spawn();
    warmUpItemSpans();
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    worker.on("message", (reply: MapReply) => this.settle(reply));
    worker.on("error", (error) => this.lost(worker, error));
    worker.on("exit", (code) => this.lost(worker, new Error(`library mapper thread exited (${code})`)));
    // Held by the process until it has loaded, so a caller awaiting warm() is not left behind by an exit.
    this.worker = worker;
    return worker;
  }

  private settle(reply: MapReply) {
    if ("ready" in reply) {
      this.started = true;
      if (this.pending.size === 0) this.worker?.unref();
      return this.markReady();
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    this.started = true;
    if (this.pending.size === 0) this.worker?.unref();
    if ("failure" in reply) return pending.reject(new Error(reply.failure));
    metrics.libraryPagesMapped.inc({ thread: "worker" });
    pending.resolve(reply.page);
  }

  private lost(worker: Worker, error: Error) {
    if (this.worker !== worker) return;
    this.worker = null;
    this.markReady();
    const pending = [...this.pending.values()];
    this.pending.clear();
    if (!this.started) {
      log.error({ err: error }, "library mapper thread could not start; mapping on the main thread");
      this.fallback = true;
      for (const page of pending) page.resolve(inThreadMapper.map(page.bytes, page.marketplace));
      return;
    }
    for (const page of pending) page.reject(error);
  }
}

const SPANS_WARM_UP_TITLES = 200;
const SPANS_WARM_UP_ROUNDS = 5;
let itemSpansWarm = false;

/**
 * The main thread finds each page's item bounds (map() above). Unwarmed, the first two pages took 15-20 ms
 * each instead of ~4, while the mapper thread, and so the whole sync, waited for the first. Pages arrive as
 * Buffers, and the warm-up page must be one too: code optimised for another kind of array was no faster.
 */
function warmUpItemSpans() {
  if (itemSpansWarm) return;
  itemSpansWarm = true;
  const page = warmUpPage(SPANS_WARM_UP_TITLES);
  const body = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  for (let round = 0; round < SPANS_WARM_UP_ROUNDS; round++) itemSpans(body);
}

const store = globalThis as unknown as { __mediaFeedPageMapper?: PageMapper };

/** The process's mapper thread, started at boot by the sync worker or else on first use. */
export function sharedPageMapper(): PageMapper {
  return (store.__mediaFeedPageMapper ??= new WorkerMapper());
}
