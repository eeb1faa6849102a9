import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Seed 003's monitoring names, in Prometheus form (dots become underscores). One registry per process,
 * kept on globalThis because Next may evaluate this module more than once.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "mediafeed_" });
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    authorizeRequests: counter("audible_oauth_authorize_requests_total", "Connect attempts started"),
    authorizeErrors: counter("audible_oauth_authorize_errors_total", "Connect attempts that could not start"),
    callbackRequests: counter("audible_oauth_callback_requests_total", "Connect completions tried"),
    callbackErrors: counter("audible_oauth_callback_errors_total", "Connect completions that failed", [
      "code",
    ]),
    stateValidationFailures: counter(
      "audible_oauth_state_validation_failures_total",
      "Completions whose attempt was unknown, expired, used or another person's",
    ),
    encryptionErrors: counter("audible_token_encryption_errors_total", "Secrets that could not be encrypted"),
    decryptionErrors: counter(
      "audible_token_decryption_errors_total",
      "Stored secrets that could not be decrypted",
    ),
    refreshFailures: counter("audible_token_refresh_failures_total", "Access-token refreshes that failed", [
      "code",
    ]),
    librarySyncs: counter("audible_api_library_sync_total", "Library syncs finished", ["kind", "status"]),
    searchRequests: counter("audible_api_search_requests_total", "Catalog searches"),
    libraryPagesMapped: counter(
      "audible_library_pages_mapped_total",
      "Library pages turned into rows, by the thread that did it",
      ["thread"],
    ),
    responseTime: new Histogram({
      name: "audible_api_response_time_seconds",
      help: "Duration of calls to Amazon and Audible",
      labelNames: ["endpoint", "status"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
  };
}

const store = globalThis as unknown as { __mediaFeedMetrics?: ReturnType<typeof createMetrics> };
export const metrics = (store.__mediaFeedMetrics ??= createMetrics());
