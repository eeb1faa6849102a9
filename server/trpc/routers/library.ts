import {
  libraryFacetsOutputSchema,
  libraryItemInputSchema,
  libraryItemOutputSchema,
  libraryListInputSchema,
  libraryListOutputSchema,
  libraryStatsOutputSchema,
} from "@/lib/validation/library";
import { getLibraryItem, libraryFacets, libraryStats, listLibrary } from "@/server/db/queries/library";
import { createTRPCRouter, protectedProcedure } from "../init";

export const libraryRouter = createTRPCRouter({
  list: protectedProcedure
    .input(libraryListInputSchema)
    .output(libraryListOutputSchema)
    .query(({ ctx, input }) => listLibrary(ctx.db, ctx.user.id, input)),

  item: protectedProcedure
    .input(libraryItemInputSchema)
    .output(libraryItemOutputSchema)
    .query(({ ctx, input }) => getLibraryItem(ctx.db, ctx.user.id, input.id)),

  facets: protectedProcedure
    .output(libraryFacetsOutputSchema)
    .query(({ ctx }) => libraryFacets(ctx.db, ctx.user.id)),

  stats: protectedProcedure
    .output(libraryStatsOutputSchema)
    .query(({ ctx }) => libraryStats(ctx.db, ctx.user.id)),
});
