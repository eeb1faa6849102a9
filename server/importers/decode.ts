import { AppError } from "@/server/errors";
import { MAX_IMPORT_BYTES, tooLarge } from "./limits";

export type ContentEncoding = "text" | "base64";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function binary(message: string): AppError {
  return new AppError("IMPORT_BINARY_FILE", message);
}

/** Libation's XLSX is a zip; naming it lets the page say which export to pick instead. */
function refuseBinary(bytes: Uint8Array): void {
  if (ZIP_MAGIC.every((byte, i) => bytes[i] === byte))
    throw binary(
      "This looks like a spreadsheet (XLSX) or zip file. Export your library as CSV or JSON instead.",
    );
  if (bytes.subarray(0, 8192).includes(0))
    throw binary("This is not a text file. Choose a CSV, TSV or JSON library export.");
}

/**
 * File bytes → text. The size cap is checked on the decoded byte count before anything is parsed; a text
 * file holding NUL characters or invalid UTF-8 is treated as binary, never handed to the parsers.
 */
export function decodeContent(content: string, encoding: ContentEncoding): string {
  const bytes = encoding === "base64" ? Buffer.from(content, "base64") : Buffer.from(content, "utf8");
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(bytes.length);
  refuseBinary(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw binary("This file is not UTF-8 text. Choose a CSV, TSV or JSON library export.");
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
