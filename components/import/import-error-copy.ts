import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/validation/imports";

type Copy = { title: string; next: string };

const megabytes = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

/** A heading and the next step per code; the server's own sentence (which names columns, counts) goes between. */
export const importErrorCopy: Record<string, Copy> = {
  IMPORT_TOO_LARGE: {
    title: `This file is larger than ${megabytes} MB`,
    next: "Export only your library, or split the file in two and import each part.",
  },
  IMPORT_TOO_MANY_ROWS: {
    title: `This file has more than ${IMPORT_MAX_ROWS.toLocaleString("en")} rows`,
    next: "Split the file into smaller parts and import each one.",
  },
  IMPORT_BINARY_FILE: {
    title: "This is not a text export",
    next: "Export as CSV or JSON instead, then choose that file.",
  },
  IMPORT_FORMAT_UNKNOWN: {
    title: "We do not recognise this file",
    next: "Choose the library export from audible-cli (TSV, CSV or JSON) or Libation (CSV or JSON).",
  },
  IMPORT_MISSING_COLUMNS: {
    title: "Columns are missing",
    next: "Export your library again with every column, then choose the new file.",
  },
  IMPORT_NO_ROWS: {
    title: "There are no titles in this file",
    next: "Check that you exported your library and not an empty list.",
  },
  IMPORT_MARKETPLACE_REQUIRED: {
    title: "Choose a marketplace",
    next: "Pick the Audible store these titles were bought in, then import again.",
  },
  IMPORT_INVALID: {
    title: "Some rows have problems",
    next: "Import the valid rows, or fix the file and choose it again.",
  },
  SYNC_IN_PROGRESS: {
    title: "A sync is running",
    next: "Wait until it finishes, then import the file again.",
  },
  RATE_LIMITED: { title: "Too many attempts", next: "Wait a minute, then try again." },
  NETWORK: { title: "Media Feed did not answer", next: "Check your connection and try again." },
  INTERNAL: { title: "Something went wrong", next: "Try again. If it keeps failing, export the file again." },
};

export type ImportProblem = { code: string; title: string; message: string | null; next: string };

function dataOf(error: unknown): { appCode?: unknown } | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? data : null;
}

export function describeImportError(error: unknown): ImportProblem {
  const data = dataOf(error);
  const appCode = typeof data?.appCode === "string" ? data.appCode : null;
  const code = !data ? "NETWORK" : appCode && appCode in importErrorCopy ? appCode : "INTERNAL";
  const copy = importErrorCopy[code]!;
  const message =
    code === "NETWORK" || code === "INTERNAL" || !(error instanceof Error) ? null : error.message;
  return { code, ...copy, message };
}

export function localProblem(code: "IMPORT_TOO_LARGE"): ImportProblem {
  return { code, ...importErrorCopy[code]!, message: null };
}
