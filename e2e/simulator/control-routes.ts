import { isRecord, json, parseJson, type SimResponse } from "./http-util";
import { FAULT_KINDS, makeFault, type FaultSpec } from "./faults";
import { LibraryStore } from "./library-store";
import type { Account, AccountSpec, SimState } from "./state";

export type ControlRequest = {
  state: SimState;
  method: string;
  path: string;
  query: URLSearchParams;
  rawBody: string;
  reset: () => void;
};

export function accountSummary(account: Account) {
  const entries = account.library.entries;
  return {
    email: account.email,
    password: account.password,
    name: account.name,
    userId: account.userId,
    challenges: account.challenges,
    library: {
      seed: account.library.seed,
      total: entries.length,
      active: entries.filter((e) => e.status === "Active").length,
      stateToken: String(account.library.version),
    },
  };
}

function body(req: ControlRequest): Record<string, unknown> {
  const parsed = req.rawBody ? parseJson(req.rawBody) : {};
  return isRecord(parsed) ? parsed : {};
}

const notFound = (what: string) => json(404, { error: `${what} not found` });

function accountRoute(req: ControlRequest, account: Account, action: string): SimResponse {
  const { state } = req;
  const b = body(req);
  const library = account.library;
  const asin = typeof b.asin === "string" ? b.asin : "";
  if (action === "" && req.method === "GET") return json(200, accountSummary(account));
  if (action === "library" && req.method === "PUT") {
    account.library = new LibraryStore(
      typeof b.seed === "string" ? b.seed : account.email,
      Number(b.size ?? 0),
      state.now(),
    );
    return json(200, accountSummary(account));
  }
  if (action === "library" && req.method === "GET") {
    const limit = Number(req.query.get("limit") ?? 100);
    const entries = library.entries.slice(0, limit).map((e) => ({
      asin: e.asin,
      status: e.status,
      progress: e.progress,
      kind: library.title(e).kind,
      title: library.title(e).title,
    }));
    return json(200, { total: library.entries.length, stateToken: String(library.version), entries });
  }
  if (action === "buy") {
    const bought = library.buy(Number(b.count ?? 1), state.now());
    return json(200, { asins: bought.map((e) => e.asin), stateToken: String(library.version) });
  }
  if (action === "return") {
    const entry = library.setStatus(asin, "Revoked", state.now());
    return entry ? json(200, { asin, stateToken: String(library.version) }) : notFound(`asin ${asin}`);
  }
  if (action === "progress") {
    const finished = b.finished === true;
    const percent = finished ? 100 : Number(b.percent ?? 0);
    const progress =
      percent > 0 || finished
        ? { percent, finishedAt: finished ? new Date(state.now()).toISOString() : null }
        : null;
    const entry = library.setProgress(asin, progress, state.now());
    return entry
      ? json(200, { asin, progress, stateToken: String(library.version) })
      : notFound(`asin ${asin}`);
  }
  if (action === "approve") {
    const pending = [...state.signIns.values()].filter(
      (p) => p.email === account.email && p.step === "approval",
    );
    for (const p of pending) p.approved = true;
    return json(200, { approved: pending.length });
  }
  return notFound(`control route ${action}`);
}

function deviceView(state: SimState, email: string | null) {
  return [...state.devices.values()]
    .filter((d) => !email || d.email === email.toLowerCase())
    .map(({ publicKey: _key, ...device }) => device);
}

/** JSON control API under `/__sim/…`; only the simulator has it. See control.ts for the typed client. */
export function handleControl(req: ControlRequest): SimResponse {
  const { state, method, path, query } = req;
  const b = body(req);
  const account = path.match(/^\/accounts\/([^/]+)(?:\/([a-z]+))?$/);
  if (account?.[1]) {
    const found = state.account(decodeURIComponent(account[1]));
    return found ? accountRoute(req, found, account[2] ?? "") : notFound("account");
  }
  const key = `${method} ${path}`;
  if (key === "GET /health") return json(200, { ok: true });
  if (key === "POST /reset") return (req.reset(), json(200, { ok: true }));
  if (key === "GET /accounts") return json(200, [...state.accounts.values()].map(accountSummary));
  if (key === "POST /accounts") {
    if (typeof b.email !== "string" || typeof b.password !== "string")
      return json(400, { error: "email and password are required" });
    return json(200, accountSummary(state.addAccount(b as AccountSpec)));
  }
  if (key === "GET /devices") return json(200, deviceView(state, query.get("email")));
  if (key === "POST /tokens/expire") {
    const email = typeof b.email === "string" ? b.email.toLowerCase() : null;
    let expired = 0;
    for (const token of state.accessTokens.values()) {
      if (email && token.email !== email) continue;
      if (typeof b.accessToken === "string" && token.token !== b.accessToken) continue;
      token.expiresAt = state.now() - 1;
      expired++;
    }
    return json(200, { expired });
  }
  if (key === "POST /tokens/revoke") {
    const targets = [...state.devices.values()].filter(
      (d) =>
        (typeof b.email !== "string" || d.email === b.email.toLowerCase()) &&
        (typeof b.deviceId !== "string" || d.id === b.deviceId),
    );
    for (const device of targets) state.deactivateDevice(device);
    return json(200, { revoked: targets.length });
  }
  if (key === "POST /clock/advance") {
    state.clockOffsetMs += Number(b.seconds ?? 0) * 1000;
    return json(200, { offsetMs: state.clockOffsetMs, now: new Date(state.now()).toISOString() });
  }
  if (key === "GET /faults") return json(200, state.faults);
  if (key === "DELETE /faults") return ((state.faults = []), json(200, { ok: true }));
  if (key === "POST /faults") {
    if (typeof b.route !== "string" || !FAULT_KINDS.includes(b.kind as never))
      return json(400, { error: `route and kind (${FAULT_KINDS.join(", ")}) are required` });
    const rule = makeFault(b as FaultSpec);
    state.faults.push(rule);
    return json(200, { ...rule, remaining: Number.isFinite(rule.remaining) ? rule.remaining : null });
  }
  if (key === "GET /calls") {
    const route = query.get("route");
    return json(200, route ? state.calls.filter((c) => c.route === route) : state.calls);
  }
  if (key === "DELETE /calls") return ((state.calls = []), state.counts.clear(), json(200, { ok: true }));
  if (key === "GET /counts") return json(200, Object.fromEntries(state.counts));
  if (key === "GET /config") return json(200, state.config);
  if (key === "PUT /config") {
    if ("redirectTo" in b)
      state.config.redirectTo = typeof b.redirectTo === "string" && b.redirectTo ? b.redirectTo : null;
    return json(200, state.config);
  }
  return notFound(`control route ${key}`);
}
