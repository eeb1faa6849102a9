import { z } from "zod";

export const finishedStatusResponseSchema = z.looseObject({
  mark_as_finished_status_list: z
    .array(
      z.looseObject({
        asin: z.string(),
        is_marked_as_finished: z.boolean().nullish(),
        event_timestamp: z.string().nullish(),
      }),
    )
    .nullish(),
});
export type FinishedStatusResponse = z.infer<typeof finishedStatusResponseSchema>;

export const lastPositionsResponseSchema = z.looseObject({
  asin_last_position_heard_annots: z
    .array(
      z.looseObject({
        asin: z.string(),
        last_position_heard: z
          .looseObject({
            position_ms: z.number().nullish(),
            status: z.string().nullish(),
            last_updated: z.string().nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
});
export type LastPositionsResponse = z.infer<typeof lastPositionsResponseSchema>;

export const listeningAggregatesSchema = z.looseObject({
  aggregated_total_listening_stats: z
    .looseObject({ aggregated_sum: z.number().nullish(), unit: z.string().nullish() })
    .nullish(),
  response_groups: z.array(z.string()).nullish(),
});
export type ListeningAggregates = z.infer<typeof listeningAggregatesSchema>;
