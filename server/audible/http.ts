import "server-only";
import type { Readable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { Agent, request } from "undici";
import type { z } from "zod";
import { metrics } from "@/server/metrics";
import { AudibleError } from "./errors";
import { defaultHttpConfig, readHttpConfig, type HttpConfig } from "./http-config";
import { readJsonText, type UnreadableReason } from "./json-text";
import { decideRetry, isRetryableStatus, parseRetryAfterMs } from "./retry-policy";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type HttpRequest = {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Defaults to true for GET/PUT/DELETE. Only idempotent calls are retried. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** Called as soon as an attempt's status and headers are in, before its body; for every attempt. */
  onHeaders?: (status: number, headers: Record<string, string>) => void;
};

/**
 * `bytes`: the body as received, when the transport has it (test fakes give only `body`). A library page is
 * handed to the mapper thread as bytes; decoding it here first cost the main thread 7 ms a page.
 */
export type HttpResponse = {
  status: number;
  headers: Record<string, string>;
  readonly body: string;
  bytes?: Uint8Array;
};

/** The body is decoded when first read, so a caller that only wants the bytes never pays for it. */
function received(status: number, headers: Record<string, string>, bytes: Buffer): HttpResponse {
  let text: string | undefined;
  return {
    status,
    headers,
    bytes,
    get body() {
      return (text ??= bytes.toString("utf8"));
    },
  };
}

export type AudibleHttp = {
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
};

export type HttpDeps = {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
};

const defaultDeps: HttpDeps = {
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
  random: Math.random,
  now: Date.now,
};

class TransportError extends Error {
  constructor(readonly reason: "timeout" | "network" | "too-large") {
    super(reason);
  }
}

/**
 * The whole body, or TransportError("too-large") once it passes `limit`. Read through 'data' events: an
 * async iterator over the same stream cost ~30% more CPU for a 3.4 MB library page, on the thread that
 * also writes the sync's rows.
 */
function readBody(body: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      body.destroy();
      reject(new TransportError("too-large"));
    });
    body.once("end", () => resolve(Buffer.concat(chunks, size)));
    body.once("error", reject);
  });
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function isTimeout(error: unknown): boolean {
  const name = error instanceof Error ? error.name : "";
  const code = (error as { code?: unknown } | null)?.code;
  return name === "TimeoutError" || (typeof code === "string" && code.endsWith("TIMEOUT"));
}

export function createAudibleHttp(
  config: Partial<HttpConfig> = {},
  deps: Partial<HttpDeps> = {},
): AudibleHttp {
  const cfg: HttpConfig = { ...defaultHttpConfig, ...config };
  const { sleep, random, now } = { ...defaultDeps, ...deps };
  const agent = new Agent({
    connections: cfg.connections,
    keepAliveTimeout: cfg.keepAliveTimeoutMs,
    connect: { timeout: cfg.connectTimeoutMs },
    headersTimeout: cfg.totalTimeoutMs,
    bodyTimeout: cfg.totalTimeoutMs,
  });

  async function attempt(req: HttpRequest): Promise<HttpResponse> {
    const stopTimer = metrics.responseTime.startTimer({ endpoint: endpointLabel(req.url) });
    try {
      const res = await attemptOnce(req);
      stopTimer({ status: String(res.status) });
      return res;
    } catch (error) {
      stopTimer({ status: error instanceof TransportError ? error.reason : "error" });
      throw error;
    }
  }

  async function attemptOnce(req: HttpRequest): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(cfg.totalTimeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    try {
      const res = await request(req.url, {
        dispatcher: agent,
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal,
      });
      const headers = flattenHeaders(res.headers);
      req.onHeaders?.(res.statusCode, headers);
      return received(res.statusCode, headers, await readBody(res.body, cfg.maxResponseBytes));
    } catch (error) {
      if (req.signal?.aborted) throw req.signal.reason;
      if (error instanceof TransportError) throw error;
      throw new TransportError(timeout.aborted || isTimeout(error) ? "timeout" : "network");
    }
  }

  async function send(req: HttpRequest): Promise<HttpResponse> {
    const idempotent = req.idempotent ?? req.method !== "POST";
    for (let tries = 0; ; tries += 1) {
      let outcome: HttpResponse | TransportError;
      try {
        outcome = await attempt(req);
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        outcome = error;
      }
      const failed = outcome instanceof TransportError || isRetryableStatus(outcome.status);
      if (!failed) return outcome as HttpResponse;
      const retryAfterMs =
        outcome instanceof TransportError
          ? undefined
          : parseRetryAfterMs(outcome.headers["retry-after"], now());
      const decision = idempotent
        ? decideRetry({ attempt: tries, retryAfterMs, policy: cfg, random })
        : ({ retry: false, retryAfterMs } as const);
      if (decision.retry) {
        await sleep(decision.delayMs, req.signal);
        continue;
      }
      throw toUpstreamError(outcome, decision.retryAfterMs);
    }
  }

  return { send, close: () => agent.close() };
}

/** The protocol path without host, base-URL prefix, query or ASINs, so the metric has few label values. */
export function endpointLabel(url: string): string {
  const path = new URL(url).pathname;
  const start = path.search(/\/(1\.0|auth|user|ap)\//);
  return (start >= 0 ? path.slice(start) : path).replace(/\/[A-Z0-9]{10}(?=\/|$)/g, "/:asin");
}

function toUpstreamError(
  outcome: HttpResponse | TransportError,
  retryAfterMs: number | undefined,
): AudibleError {
  const retryAfterSeconds = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
  if (outcome instanceof TransportError)
    return new AudibleError("AUDIBLE_UNAVAILABLE", { reason: outcome.reason });
  const code = outcome.status === 429 ? "AUDIBLE_RATE_LIMITED" : "AUDIBLE_UNAVAILABLE";
  return new AudibleError(code, {
    status: outcome.status,
    retryAfterSeconds,
    reason: `status-${outcome.status}`,
  });
}

/** Parses a body with a zod schema; HTML outage pages and garbage become AUDIBLE_UNAVAILABLE, never a crash. */
export function parseJsonBody<S extends z.ZodType>(res: HttpResponse, schema: S): z.output<S> {
  const result = readJsonText(res.body, schema);
  if (!result.ok) throw unreadableBody(res.status, result.reason);
  return result.data;
}

export function unreadableBody(status: number, reason: UnreadableReason): AudibleError {
  return new AudibleError("AUDIBLE_UNAVAILABLE", { status, reason });
}

let shared: AudibleHttp | undefined;

/** One keep-alive pool per process, configured from the environment on first use. */
export function getAudibleHttp(): AudibleHttp {
  shared ??= createAudibleHttp(readHttpConfig());
  return shared;
}
