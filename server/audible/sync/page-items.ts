import { isAscii } from "node:buffer";
import { readJsonText, type UnreadableReason } from "../json-text";
import { mapLibraryItem, type MapResult } from "../map";
import { isRecord, textOrNull } from "../map/values";
import { libraryPageSchema } from "../schemas/library";
import { itemSpans, type ItemSpans } from "./item-spans";
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
    stateRow: mapped.stateRow,
    revoked: mapped.revoked,
    explicit: mapped.explicitProgress,
    isPodcastParent: mapped.isPodcastParent,
  };
}

/** One item of a page, mapped, with whether it came without its title. */
function mapItem(item: unknown, marketplace: string, page: { items: PageItem[]; titleless: boolean }) {
  if (isRecord(item) && !textOrNull(item.title)) page.titleless = true;
  page.items.push(toPageItem(mapLibraryItem(item, { marketplace })));
}

/** Stands in for the items array while the rest of the page is parsed; no page sends it. */
const CUT = "\u0000items cut out\u0000";

/**
 * Whether the page around the items array is a library page, and its `"items"` is that array as JSON.parse
 * sees it (not a second key of the same name, nor a key spelled with escapes).
 */
function restIsLibraryPage(bytes: Uint8Array, spans: ItemSpans): boolean {
  const before = utf8.decode(bytes.subarray(0, spans.open));
  const after = utf8.decode(bytes.subarray(spans.close + 1));
  let rest: unknown;
  try {
    rest = JSON.parse(`${before}${JSON.stringify(CUT)}${after}`);
  } catch {
    return false;
  }
  return isRecord(rest) && rest.items === CUT && libraryPageSchema.safeParse({ ...rest, items: [] }).success;
}

/**
 * Each title parsed from its own bytes and mapped before the next is parsed: the whole page parsed at once
 * kept ~30 MB of parsed titles alive while they were mapped, and the garbage collector copied them from
 * generation to generation (a sixth of the mapper thread's time). Most titles are plain ASCII and are read
 * as Latin-1, a fraction of the cost of decoding UTF-8. Null when the page is not what itemSpans took it
 * for; the caller then parses it whole, which also gives the precise reason a body is unreadable.
 */
function mapItemByItem(bytes: Uint8Array, marketplace: string, spans: ItemSpans | null): MappedPage | null {
  if (!spans || !restIsLibraryPage(bytes, spans)) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const page = { items: [] as PageItem[], titleless: false };
  const { bounds } = spans;
  for (let i = 0; i < bounds.length; i += 2) {
    const [start, end] = [bounds[i]!, bounds[i + 1]!];
    const slice = buffer.subarray(start, end);
    let item: unknown;
    try {
      item = JSON.parse(isAscii(slice) ? buffer.toString("latin1", start, end) : utf8.decode(slice));
    } catch {
      return null;
    }
    mapItem(item, marketplace, page);
  }
  return { ok: true, ...page };
}

/** A library page's body → its items, mapped; on the mapper thread, or on the main thread as a fallback. */
export function mapPageBytes(
  bytes: Uint8Array,
  marketplace: string,
  spans: ItemSpans | null = itemSpans(bytes),
): MappedPage {
  const byItem = mapItemByItem(bytes, marketplace, spans);
  if (byItem) return byItem;
  const parsed = readJsonText(utf8.decode(bytes), libraryPageSchema);
  if (!parsed.ok) return parsed;
  const page = { items: [] as PageItem[], titleless: false };
  for (const item of parsed.data.items ?? []) mapItem(item, marketplace, page);
  return { ok: true, ...page };
}
