import { AppError } from "@/server/errors";
import { metrics } from "@/server/metrics";

/** Seed 003's counters for the procedures they watch; other procedures are not counted. */
export function recordProcedureMetrics(path: string, outcome: { ok: boolean; error?: unknown }) {
  if (path === "audible.search") metrics.searchRequests.inc();
  if (path !== "audible.connect.start" && path !== "audible.connect.complete") return;
  const start = path === "audible.connect.start";
  (start ? metrics.authorizeRequests : metrics.callbackRequests).inc();
  if (outcome.ok) return;
  const code = outcome.error instanceof AppError ? outcome.error.appCode : "INTERNAL";
  if (start) metrics.authorizeErrors.inc();
  else metrics.callbackErrors.inc({ code });
  if (code === "CONNECT_ATTEMPT_EXPIRED") metrics.stateValidationFailures.inc();
}
