import type { IncomingHttpHeaders } from "node:http";
import type { AudibleLocale } from "@/server/audible/locales";
import type { SimResponse } from "./http-util";
import type { SimState } from "./state";

export const ROLES = ["www.amazon", "api.amazon", "api.audible", "www.audible"] as const;
export type Role = (typeof ROLES)[number];

export type RequestContext = {
  state: SimState;
  method: string;
  role: Role;
  locale: AudibleLocale;
  /** Path without the role prefix and without the query, e.g. `/1.0/library`. */
  path: string;
  /** Raw request target without the role prefix, exactly as a signer on the real host would see it. */
  pathAndQuery: string;
  query: URLSearchParams;
  rawBody: string;
  headers: IncomingHttpHeaders;
  /** The simulator's own origin, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** Set by the auth check so the call log shows which mode a client used. */
  authMode: string | null;
};

export type Handler = (ctx: RequestContext, params: string[]) => SimResponse | Promise<SimResponse>;

export type Route = { name: string; role: Role | "api"; method: string; pattern: RegExp; handler: Handler };
