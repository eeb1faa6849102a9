import { parentPort } from "node:worker_threads";
import { mapPageText, type MappedPage } from "./page-items";

/** Entry of the mapper thread (see page-mapper.ts): page text in, mapped items out, one message each. */
export type MapRequest = { id: number; text: string; marketplace: string };
export type MapReply = { id: number; page: MappedPage } | { id: number; failure: string };

parentPort?.on("message", ({ id, text, marketplace }: MapRequest) => {
  let reply: MapReply;
  try {
    reply = { id, page: mapPageText(text, marketplace) };
  } catch (error) {
    reply = { id, failure: error instanceof Error ? error.message : "mapping failed" };
  }
  parentPort!.postMessage(reply);
});
