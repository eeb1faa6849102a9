/** The largest body a tRPC request may carry: an export file up to 20 MB as base64, plus a little JSON. */
export const MAX_BODY_BYTES = 30 * 1024 * 1024;

export type GuardResult = { ok: true } | { ok: false; status: 403 | 413 | 415; message: string };

/**
 * Cross-site request forgery defence for cookie-authenticated tRPC calls (security.md §5.3): a mutation
 * must be a JSON POST from our own origin carrying the client's custom header, which a cross-site
 * form or a simple cross-origin fetch cannot send. Reads (GET) change nothing and pass.
 */
export function guardRequest(req: Request, appOrigin: string): GuardResult {
  if (req.method !== "POST") return { ok: true };
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return { ok: false, status: 413, message: "The request is too large." };
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415, message: "Requests must be JSON." };
  if (!req.headers.get("x-trpc-source"))
    return { ok: false, status: 403, message: "Cross-site request refused." };
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return { ok: false, status: 403, message: "Cross-site request refused." };
  }
  const origin = req.headers.get("origin");
  if (origin && origin !== appOrigin)
    return { ok: false, status: 403, message: "Cross-site request refused." };
  return { ok: true };
}
