import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { localeByDomain } from "@/server/audible/locales";
import { ROLES, type RequestContext, type Role } from "./context";
import { handleControl } from "./control-routes";
import { SimControl } from "./control";
import { DEFAULT_ACCOUNTS } from "./default-accounts";
import { ENVELOPE_FAULTS, HTML_503, WHOOPS_BODY, takeFault } from "./faults";
import { warmKeyPool } from "./key-pool";
import { warmUpRendering } from "./warm-up";
import { html, json, readBody, parseJson, type SimResponse } from "./http-util";
import { ROUTES } from "./routes";
import { LOOKING_FOR_SOMETHING } from "./signin-pages";
import { SimState, type AccountSpec } from "./state";

export type SimulatorOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Seed the default test accounts (default true). */
  defaultAccounts?: boolean;
  accounts?: AccountSpec[];
  /** Redirect mode: after sign-in go to `{redirectTo}?code=…&state=…` instead of `openid.return_to`. */
  redirectTo?: string | null;
};

export type Simulator = {
  baseUrl: string;
  /** The env vars the app needs to reach this simulator. */
  env: { AUDIBLE_AMAZON_WWW_BASE: string; AUDIBLE_AMAZON_API_BASE: string; AUDIBLE_API_BASE: string };
  state: SimState;
  control: SimControl;
  close(): Promise<void>;
};

type Target = { role: Role; domain: string; rest: string };

function parseTarget(url: string): Target | null {
  const segment = url.slice(1).split(/[/?]/, 1)[0] ?? "";
  const role = ROLES.find((r) => segment.startsWith(`${r}.`));
  if (!role) return null;
  return { role, domain: segment.slice(role.length + 1), rest: url.slice(1 + segment.length) || "/" };
}

function loggedBody(ctx: RequestContext): unknown {
  if (!ctx.rawBody) return null;
  const type = String(ctx.headers["content-type"] ?? "");
  if (type.includes("x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(ctx.rawBody));
  return parseJson(ctx.rawBody) ?? ctx.rawBody;
}

function send(
  res: ServerResponse,
  response: SimResponse,
  truncate = false,
  startedAt = performance.now(),
): void {
  const body =
    response.jsonBytes ?? Buffer.from(response.html ? String(response.body) : JSON.stringify(response.body));
  const type = response.html ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
  // Lets benchmarks separate the simulator's own time from network and client parsing.
  const timing = `sim;dur=${(performance.now() - startedAt).toFixed(1)}`;
  res.writeHead(response.status, { "content-type": type, "server-timing": timing, ...response.headers });
  // A truncated body: the status and headers look fine, the JSON does not parse.
  res.end(truncate ? body.subarray(0, Math.max(1, Math.floor(body.length / 2))) : body);
}

async function dispatch(
  state: SimState,
  baseUrl: string,
  req: IncomingMessage,
  res: ServerResponse,
  reset: () => void,
) {
  const url = req.url ?? "/";
  const method = req.method ?? "GET";
  const rawBody = await readBody(req);
  const startedAt = performance.now();
  if (url.startsWith("/__sim/")) {
    const parsed = new URL(url, baseUrl);
    return send(
      res,
      handleControl({
        state,
        method,
        path: parsed.pathname.slice("/__sim".length),
        query: parsed.searchParams,
        rawBody,
        reset,
      }),
    );
  }
  const target = parseTarget(url);
  const locale = target ? localeByDomain(target.domain) : undefined;
  if (!target || !locale)
    return send(
      res,
      json(404, { message: `Unknown host prefix; use /{www.amazon|api.amazon|api.audible}.{tld}/…` }),
    );
  const parsed = new URL(target.rest, "http://sim");
  const ctx: RequestContext = {
    state,
    method,
    role: target.role,
    locale,
    path: parsed.pathname,
    pathAndQuery: target.rest,
    query: parsed.searchParams,
    rawBody,
    headers: req.headers,
    baseUrl,
    authMode: null,
  };
  let params: string[] = [];
  const route = ROUTES.find((r) => {
    const roleOk = r.role === target.role || (r.role === "api" && target.role.startsWith("api."));
    const match = roleOk && r.method === method ? r.pattern.exec(ctx.path) : null;
    if (match) params = match.slice(1).map(String);
    return Boolean(match);
  });
  if (!route)
    return send(
      res,
      target.role.startsWith("www.") ? html(404, LOOKING_FOR_SOMETHING) : json(404, { message: "Not Found" }),
    );
  const record = (status: number) =>
    state.record({
      route: route.name,
      method,
      role: target.role,
      domain: target.domain,
      path: target.rest,
      headers: req.headers as Record<string, string>,
      body: loggedBody(ctx),
      status,
      auth: ctx.authMode,
    });

  const page = Number(new URL(target.rest, "http://sim").searchParams.get("page") ?? "1");
  const fault = takeFault(
    state.faults,
    route.name,
    ENVELOPE_FAULTS,
    (rule) => rule.onlyPage === undefined || rule.onlyPage === page,
  );
  if (fault?.kind === "latency") await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 1000));
  if (fault?.kind === "hang") return record(0);
  const early: SimResponse | null =
    fault?.kind === "rate-limit"
      ? json(
          429,
          { message: "Rate exceeded." },
          fault.retryAfter === undefined ? {} : { "Retry-After": String(fault.retryAfter) },
        )
      : fault?.kind === "server-error"
        ? json(500, WHOOPS_BODY)
        : fault?.kind === "html-503"
          ? html(503, HTML_503)
          : null;
  const response = early ?? (await route.handler(ctx, params));
  record(response.status);
  send(res, response, Boolean(takeFault(state.faults, route.name, ["truncated-json"])), startedAt);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  let state = new SimState();
  const seed = () => {
    state = new SimState();
    state.config.redirectTo = options.redirectTo ?? null;
    const specs = [
      ...(options.defaultAccounts === false ? [] : DEFAULT_ACCOUNTS),
      ...(options.accounts ?? []),
    ];
    for (const spec of specs) state.addAccount(structuredClone(spec) as AccountSpec);
  };
  seed();
  warmKeyPool();
  warmUpRendering();
  let baseUrl = "";
  const server = createServer((req, res) => {
    dispatch(state, baseUrl, req, res, seed).catch((error: unknown) => {
      if (!res.headersSent) send(res, json(500, { message: `Simulator error: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? "127.0.0.1"}:${address.port}`;
  return {
    baseUrl,
    env: {
      AUDIBLE_AMAZON_WWW_BASE: `${baseUrl}/www.amazon.{tld}`,
      AUDIBLE_AMAZON_API_BASE: `${baseUrl}/api.amazon.{tld}`,
      AUDIBLE_API_BASE: `${baseUrl}/api.audible.{tld}`,
    },
    get state() {
      return state;
    },
    control: new SimControl(baseUrl),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung requests (the "hang" fault) would otherwise keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}
