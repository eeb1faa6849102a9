import { parentPort } from "node:worker_threads";
import type { ItemSpans } from "./item-spans";
import { mapPageBytes, type MappedPage } from "./page-items";
import { warmUpPage } from "./warm-up-page";

/**
 * Entry of the mapper thread (see page-mapper.ts): page bytes in, with where its items lie (itemSpans over
 * the same bytes, run by the sender), mapped items out, one message each.
 */
export type MapRequest = { id: number; bytes: Uint8Array; marketplace: string; spans: ItemSpans | null };
/** `ready` is sent once, when the thread has loaded everything it maps with. */
export type MapReply = { id: number; page: MappedPage } | { id: number; failure: string } | { ready: true };

parentPort?.on("message", ({ id, bytes, marketplace, spans }: MapRequest) => {
  let reply: MapReply;
  try {
    reply = { id, page: mapPageBytes(bytes, marketplace, spans) };
  } catch (error) {
    reply = { id, failure: error instanceof Error ? error.message : "mapping failed" };
  }
  parentPort!.postMessage(reply);
});

/**
 * Before it answers ready, the thread maps a made-up page a few times: the first sync after a start ran on
 * code V8 had not optimised yet, and a first import of 10,000 titles mapped its first pages up to twice as
 * slowly (bench: −7% wall time at 0 ms). It costs this thread 0.3-0.5 s of CPU once, at boot.
 */
const WARM_UP_TITLES = 1000;
const WARM_UP_ROUNDS = 3;
const warmUp = warmUpPage(WARM_UP_TITLES);
for (let round = 0; round < WARM_UP_ROUNDS; round++) mapPageBytes(warmUp, "us");

parentPort?.postMessage({ ready: true } satisfies MapReply);
