import type { media } from "@/server/db/schema/library";
import { recordsOf, textOrNull } from "./values";

export type ContentType = NonNullable<(typeof media.$inferInsert)["contentType"]>;

const PODCAST_DELIVERY = new Set(["PodcastParent", "Periodical"]);
const EPISODE_DELIVERY = new Set(["PodcastEpisode"]);

function episodeParent(item: Record<string, unknown>): string | null {
  const parent = recordsOf(item.relationships).find(
    (r) => r.relationship_to_product === "parent" && r.relationship_type === "episode",
  );
  return parent ? textOrNull(parent.asin) : null;
}

/**
 * Episodes first: they also carry `content_type: "Podcast"`, so checking the podcast markers first would
 * type every episode as a show and flood the library (peers §3.11).
 */
export function classify(item: Record<string, unknown>): {
  contentType: ContentType;
  parentAsin: string | null;
} {
  const delivery = textOrNull(item.content_delivery_type);
  const type = textOrNull(item.content_type);
  const parentAsin = episodeParent(item);
  if (parentAsin || (delivery && EPISODE_DELIVERY.has(delivery)) || type === "Episode")
    return { contentType: "episode", parentAsin };
  if ((delivery && PODCAST_DELIVERY.has(delivery)) || type === "Podcast")
    return { contentType: "podcast", parentAsin: null };
  return { contentType: "book", parentAsin: null };
}
