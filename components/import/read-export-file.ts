import { IMPORT_MAX_BYTES } from "@/lib/validation/imports";

export type ReadFile =
  | { ok: true; fileName: string; content: string; encoding: "text" | "base64" }
  | { ok: false; code: "IMPORT_TOO_LARGE" };

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Checks the size before reading a byte, then sends UTF-8 as text. Anything else travels as base64 so the
 * server can name it (an XLSX, a picture) instead of the browser mangling it into replacement characters.
 */
export async function readExportFile(file: File): Promise<ReadFile> {
  if (file.size > IMPORT_MAX_BYTES) return { ok: false, code: "IMPORT_TOO_LARGE" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (!content.includes("\u0000")) return { ok: true, fileName: file.name, content, encoding: "text" };
  } catch {
    // Not UTF-8: falls through to base64.
  }
  return { ok: true, fileName: file.name, content: toBase64(bytes), encoding: "base64" };
}
