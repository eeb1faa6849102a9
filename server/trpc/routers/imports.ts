import { syncRunSchema } from "@/lib/validation/audible";
import {
  exportInputSchema,
  exportOutputSchema,
  importCommitInputSchema,
  importFileInputSchema,
  importPreviewOutputSchema,
} from "@/lib/validation/imports";
import { toRunView } from "@/server/audible/connection/status";
import { exportLibrary } from "@/server/exporters/export-library";
import { commitImport } from "@/server/importers/commit";
import { assertContentLength } from "@/server/importers/limits";
import { previewImport } from "@/server/importers/preview";
import { createTRPCRouter, middleware, protectedProcedure } from "../init";

/** Runs before zod: a 100 MB body is refused on its length, with the import's own code and message. */
const sizeGuard = middleware(async ({ getRawInput, next }) => {
  const raw = (await getRawInput()) as { content?: unknown } | undefined;
  assertContentLength(raw?.content);
  return next();
});

const fileProcedure = protectedProcedure.use(sizeGuard);

export const importsRouter = createTRPCRouter({
  preview: fileProcedure
    .input(importFileInputSchema)
    .output(importPreviewOutputSchema)
    .mutation(({ ctx, input }) => previewImport(ctx.db, ctx.user.id, input)),

  commit: fileProcedure
    .input(importCommitInputSchema)
    .output(syncRunSchema)
    .mutation(async ({ ctx, input }) =>
      toRunView(await commitImport(ctx.db, ctx.user.id, input, () => new Date())),
    ),

  export: protectedProcedure
    .input(exportInputSchema)
    .output(exportOutputSchema)
    .query(({ ctx, input }) => exportLibrary(ctx.db, ctx.user.id, input.format, new Date())),
});
