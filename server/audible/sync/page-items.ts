import { copyValues } from "@/server/db/copy-text";
import { userMedia } from "@/server/db/schema";
import { readJsonText, type UnreadableReason } from "../json-text";
import { mapLibraryItem, type MapResult } from "../map";
import { isRecord, textOrNull } from "../map/values";
import { libraryPageSchema } from "../schemas/library";
import type { SyncEntry } from "./upsert";

/**
 * One library item as the writer needs it, or why it cannot be written. This is what crosses back from the
 * mapper thread: copying the mapper's full value objects across cost more than mapping them (54 ms a page
 * against 5 for the same values as text), so the rows go across already encoded for the bulk writer.
 */
export type PageItem =
  (SyncEntry & { ok: true; isPodcastParent: boolean }) | { ok: false; asin: string | null; reason: string };

export type MappedPage =
  | {
      ok: true;
      items: PageItem[];
      /** Some item lacks a title: Audible's first answer of a session does that, and is fetched again. */
      titleless: boolean;
    }
  | { ok: false; reason: UnreadableReason };

const utf8 = new TextDecoder();

/** One mapped library item in the shape the writer takes (and the mapper thread sends back). */
export function toPageItem(mapped: MapResult): PageItem {
  if (!mapped.ok) return mapped;
  return {
    ok: true,
    asin: mapped.media.asin,
    contentHash: mapped.media.contentHash,
    mediaRow: mapped.mediaRow,
    state: mapped.state,
    stateRow: copyValues(userMedia, mapped.state),
    revoked: mapped.revoked,
    explicit: mapped.explicitProgress,
    isPodcastParent: mapped.isPodcastParent,
  };
}

/** A library page's body → its items, mapped; on the mapper thread, or on the main thread as a fallback. */
export function mapPageBytes(bytes: Uint8Array, marketplace: string): MappedPage {
  const page = readJsonText(utf8.decode(bytes), libraryPageSchema);
  if (!page.ok) return page;
  const raw = page.data.items ?? [];
  const items: PageItem[] = [];
  let titleless = false;
  for (const item of raw) {
    if (isRecord(item) && !textOrNull(item.title)) titleless = true;
    items.push(toPageItem(mapLibraryItem(item, { marketplace })));
  }
  return { ok: true, items, titleless };
}
