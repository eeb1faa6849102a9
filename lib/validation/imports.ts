import { z } from "zod";
import { marketplaceSchema } from "./audible";

/** Client-safe copies of the server caps (server/importers/limits.ts), for the upload's own checks and messages. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;
const MAX_CHARS = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4;

export const importFileInputSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  // Text files travel as text; anything the browser could not read as UTF-8 travels as base64 so the server can say why.
  content: z.string().max(MAX_CHARS, "The file is larger than 20 MB."),
  encoding: z.enum(["text", "base64"]).default("text"),
  marketplace: marketplaceSchema.optional(),
});
export type ImportFileInput = z.input<typeof importFileInputSchema>;

export const importCommitInputSchema = importFileInputSchema.extend({
  /** "Import the valid rows": skip invalid rows instead of refusing the file. */
  validOnly: z.boolean().default(false),
});

export const importFormatIds = [
  "audible-cli-tsv",
  "audible-cli-csv",
  "audible-cli-json",
  "libation-csv",
  "libation-json",
  "media-feed-csv",
  "media-feed-json",
] as const;

export const rowErrorSchema = z.object({
  line: z.number().int(),
  asin: z.string().nullable(),
  reason: z.string(),
  severity: z.enum(["error", "warning"]),
});

export const importPreviewOutputSchema = z.object({
  format: z.object({ id: z.enum(importFormatIds), label: z.string() }),
  rowUnit: z.enum(["line", "item"]),
  totalRows: z.number().int(),
  marketplace: z.object({
    required: z.boolean(),
    fromFile: z.boolean(),
    suggested: marketplaceSchema.nullable(),
  }),
  /** new/updated/unchanged are null until a marketplace is chosen: they depend on it. */
  counts: z.object({
    new: z.number().int().nullable(),
    updated: z.number().int().nullable(),
    unchanged: z.number().int().nullable(),
    invalid: z.number().int(),
    warnings: z.number().int(),
  }),
  sample: z.array(
    z.object({
      line: z.number().int(),
      asin: z.string(),
      title: z.string(),
      authors: z.array(z.string()),
      marketplace: marketplaceSchema.nullable(),
    }),
  ),
  errors: z.array(rowErrorSchema),
  errorsTotal: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewOutputSchema>;

export const exportFormatSchema = z.enum(["csv", "json", "goodreads"]);
export const exportInputSchema = z.object({ format: exportFormatSchema });
export const exportOutputSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
