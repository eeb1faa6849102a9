import type { CopyValues } from "@/server/db/copy-text";
import type { media, userMedia } from "@/server/db/schema/library";

export type MediaValues = Omit<typeof media.$inferInsert, "id" | "createdAt" | "updatedAt"> & {
  contentHash: string;
};

export type UserMediaValues = Omit<
  typeof userMedia.$inferInsert,
  "id" | "userId" | "mediaId" | "createdAt" | "updatedAt" | "removedAt"
> & { stateHash: string };

export type MappedItem = {
  ok: true;
  media: MediaValues;
  /** `media` as the COPY line the bulk writer sends, its contentHash last (the hash is taken over the rest). */
  mediaRow: CopyValues;
  state: UserMediaValues;
  /** `state` as the COPY line the bulk writer sends, its stateHash last. */
  stateRow: CopyValues;
  parentAsin: string | null;
  isPodcastParent: boolean;
  /** `status: "Revoked"`: the sync decides whether and when to set `removedAt`. */
  revoked: boolean;
  /** Whether Audible sent its own listening_status; neverBackwards needs it. */
  explicitProgress: boolean;
};

export type SkippedItem = { ok: false; asin: string | null; reason: string };

export type MapResult = MappedItem | SkippedItem;
