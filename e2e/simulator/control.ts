import type { FaultRule, FaultSpec } from "./faults";
import type { AccountSpec, CallRecord, Device, SimConfig } from "./state";
import type { Progress } from "./library-store";

export type AccountSummary = {
  email: string;
  password: string;
  name: string;
  userId: string;
  challenges: AccountSpec["challenges"];
  library: { seed: string; total: number; active: number; stateToken: string };
};

export type LibraryEntryView = {
  asin: string;
  status: "Active" | "Revoked";
  progress: Progress | null;
  kind: string;
  title: string;
};
export type DeviceView = Omit<Device, "publicKey">;

/** Typed client for the simulator's `/__sim` control API; works against `npm run sim` and in-process instances. */
export class SimControl {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/__sim${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as T;
    if (!response.ok)
      throw new Error(`simulator control ${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  }

  private account(email: string, action = ""): string {
    return `/accounts/${encodeURIComponent(email)}${action ? `/${action}` : ""}`;
  }

  reset = () => this.call<{ ok: true }>("POST", "/reset");
  createAccount = (spec: AccountSpec) => this.call<AccountSummary>("POST", "/accounts", spec);
  accounts = () => this.call<AccountSummary[]>("GET", "/accounts");
  getAccount = (email: string) => this.call<AccountSummary>("GET", this.account(email));
  setLibrary = (email: string, library: { seed?: string; size: number }) =>
    this.call<AccountSummary>("PUT", this.account(email, "library"), library);
  library = (email: string, limit = 100) =>
    this.call<{ total: number; stateToken: string; entries: LibraryEntryView[] }>(
      "GET",
      `${this.account(email, "library")}?limit=${limit}`,
    );
  buy = (email: string, count = 1) =>
    this.call<{ asins: string[]; stateToken: string }>("POST", this.account(email, "buy"), { count });
  returnTitle = (email: string, asin: string) =>
    this.call<{ asin: string; stateToken: string }>("POST", this.account(email, "return"), { asin });
  progress = (email: string, asin: string, progress: { percent?: number; finished?: boolean }) =>
    this.call<{ asin: string; progress: Progress | null; stateToken: string }>(
      "POST",
      this.account(email, "progress"),
      { asin, ...progress },
    );
  approveSignIn = (email: string) => this.call<{ approved: number }>("POST", this.account(email, "approve"));
  devices = (email?: string) =>
    this.call<DeviceView[]>("GET", `/devices${email ? `?email=${encodeURIComponent(email)}` : ""}`);
  expireAccessTokens = (filter: { email?: string; accessToken?: string } = {}) =>
    this.call<{ expired: number }>("POST", "/tokens/expire", filter);
  revokeDevices = (filter: { email?: string; deviceId?: string } = {}) =>
    this.call<{ revoked: number }>("POST", "/tokens/revoke", filter);
  advanceClock = (seconds: number) =>
    this.call<{ offsetMs: number; now: string }>("POST", "/clock/advance", { seconds });
  addFault = (spec: FaultSpec) => this.call<FaultRule>("POST", "/faults", spec);
  faults = () => this.call<FaultRule[]>("GET", "/faults");
  clearFaults = () => this.call<{ ok: true }>("DELETE", "/faults");
  calls = (route?: string) =>
    this.call<CallRecord[]>("GET", `/calls${route ? `?route=${encodeURIComponent(route)}` : ""}`);
  clearCalls = () => this.call<{ ok: true }>("DELETE", "/calls");
  counts = () => this.call<Record<string, number>>("GET", "/counts");
  setConfig = (config: Partial<SimConfig>) => this.call<SimConfig>("PUT", "/config", config);
}
