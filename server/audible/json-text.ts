import type { z } from "zod";

/** Why a body could not be read: not JSON at all, or JSON of another shape. */
export type UnreadableReason = "not-json" | "schema";

export type JsonTextResult<T> = { ok: true; data: T } | { ok: false; reason: UnreadableReason };

/**
 * A body's JSON checked against a schema, as a result rather than a throw: the library mapper's worker
 * thread reports it back across the thread boundary, where parseJsonBody turns it into the same error.
 */
export function readJsonText<S extends z.ZodType>(text: string, schema: S): JsonTextResult<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-json" };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reason: "schema" };
}
