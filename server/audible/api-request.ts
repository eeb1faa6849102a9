import "server-only";
import type { KeyObject } from "node:crypto";
import type { z } from "zod";
import { AudibleError } from "./errors";
import {
  parseJsonBody,
  type AudibleHttp,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
} from "./http";
import { loadDevicePrivateKey, signAdpRequest, type AdpCredentials } from "./signing";

export type ApiCredentials = {
  /** Sent as `x-amz-access-token` (the current apps' header). */
  accessToken?: string;
  /** When present every request is ADP-signed, which the API accepts on its own. */
  adp?: AdpCredentials;
};

export type QueryValue = string | number | boolean | readonly string[] | undefined | null;

/** Comma-joins list values (the API's convention) and drops empty ones. */
export function buildPathAndQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    if (text !== "") params.set(key, text);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export type SendOptions = Pick<HttpRequest, "body" | "onHeaders">;

export type ApiRequester = {
  /** `base` is a resolved base URL; `pathAndQuery` is what gets signed, without any base prefix. */
  send(base: string, method: HttpMethod, pathAndQuery: string, options?: SendOptions): Promise<HttpResponse>;
  json<S extends z.ZodType>(base: string, pathAndQuery: string, schema: S): Promise<z.output<S> | null>;
};

export function createApiRequester(
  http: AudibleHttp,
  credentials: ApiCredentials,
  now: () => Date,
): ApiRequester {
  let key: KeyObject | undefined;

  function authHeaders(method: HttpMethod, pathAndQuery: string, body: string): Record<string, string> {
    const headers: Record<string, string> = {};
    if (credentials.accessToken) headers["x-amz-access-token"] = credentials.accessToken;
    if (!credentials.adp) return headers;
    key ??= loadDevicePrivateKey(credentials.adp.devicePrivateKey);
    return {
      ...headers,
      ...signAdpRequest({ method, pathAndQuery, body, date: now() }, credentials.adp, key),
    };
  }

  async function send(
    base: string,
    method: HttpMethod,
    pathAndQuery: string,
    { body, onHeaders }: SendOptions = {},
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      accept: "application/json",
      "accept-charset": "utf-8",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...authHeaders(method, pathAndQuery, body ?? ""),
    };
    const res = await http.send({ method, url: `${base}${pathAndQuery}`, headers, body, onHeaders });
    if (res.status === 401 || res.status === 403)
      throw new AudibleError("AUDIBLE_AUTH_FAILED", { status: res.status });
    return res;
  }

  /** GET + zod parse. A 404 comes back as null: the item is not in the library or catalogue. */
  async function json<S extends z.ZodType>(
    base: string,
    pathAndQuery: string,
    schema: S,
  ): Promise<z.output<S> | null> {
    const res = await send(base, "GET", pathAndQuery);
    if (res.status === 404) return null;
    if (res.status !== 200)
      throw new AudibleError("AUDIBLE_UNAVAILABLE", { status: res.status, reason: `status-${res.status}` });
    return parseJsonBody(res, schema);
  }

  return { send, json };
}
