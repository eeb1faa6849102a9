import { AppError } from "@/server/errors";

/** 20 MB holds ~50,000 audible-cli rows with descriptions; anything bigger is not a library export. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
// Base64 is 4/3 of the bytes; the string cap must admit a 20 MB file sent that way.
export const MAX_IMPORT_CHARS = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4;

const MB = 1024 * 1024;

export function tooLarge(bytes: number): AppError {
  return new AppError(
    "IMPORT_TOO_LARGE",
    `This file is ${Math.ceil(bytes / MB)} MB; export files up to ${MAX_IMPORT_BYTES / MB} MB can be imported.`,
    { details: { limitBytes: MAX_IMPORT_BYTES } },
  );
}

/** Called on the raw input before zod or any parser sees it, so a huge body costs a length check only. */
export function assertContentLength(content: unknown): void {
  if (typeof content === "string" && content.length > MAX_IMPORT_CHARS) throw tooLarge(content.length);
}

export function tooManyRows(rows: number): AppError {
  return new AppError(
    "IMPORT_TOO_MANY_ROWS",
    `This file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows (${rows.toLocaleString("en-US")}); split it and import the parts one after another.`,
    { details: { limitRows: MAX_IMPORT_ROWS } },
  );
}
