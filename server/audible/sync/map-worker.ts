import { parentPort } from "node:worker_threads";
import { mapPageBytes, type MappedPage } from "./page-items";

/** Entry of the mapper thread (see page-mapper.ts): page bytes in, mapped items out, one message each. */
export type MapRequest = { id: number; bytes: Uint8Array; marketplace: string };
/** `ready` is sent once, when the thread has loaded everything it maps with. */
export type MapReply = { id: number; page: MappedPage } | { id: number; failure: string } | { ready: true };

parentPort?.on("message", ({ id, bytes, marketplace }: MapRequest) => {
  let reply: MapReply;
  try {
    reply = { id, page: mapPageBytes(bytes, marketplace) };
  } catch (error) {
    reply = { id, failure: error instanceof Error ? error.message : "mapping failed" };
  }
  parentPort!.postMessage(reply);
});

parentPort?.postMessage({ ready: true } satisfies MapReply);
