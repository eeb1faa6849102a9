import { randomBytes, type KeyObject } from "node:crypto";
import { LibraryStore } from "./library-store";
import type { FaultRule } from "./faults";

export type Challenges = { captcha?: string; otp?: string; approval?: boolean };

export type AccountSpec = {
  email: string;
  password: string;
  name?: string;
  challenges?: Challenges;
  library?: { seed?: string; size?: number };
};

export type Account = {
  email: string;
  password: string;
  name: string;
  givenName: string;
  userId: string;
  challenges: Challenges;
  library: LibraryStore;
};

export type Device = {
  id: string;
  email: string;
  serial: string;
  deviceType: string;
  name: string;
  clientId: string;
  publicKey: KeyObject | null;
  adpToken: string;
  refreshToken: string;
  active: boolean;
  registeredAt: number;
};

export type AccessToken = { token: string; deviceId: string; email: string; expiresAt: number };

export type AuthCode = {
  code: string;
  email: string;
  challenge: string;
  clientId: string;
  createdAt: number;
  used: boolean;
};

export type PendingSignIn = {
  id: string;
  domain: string;
  params: Record<string, string>;
  email?: string;
  step: "credentials" | "captcha" | "otp" | "approval";
  approved: boolean;
};

export type CallRecord = {
  seq: number;
  at: string;
  route: string;
  method: string;
  role: string;
  domain: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  auth: string | null;
};

export type SimConfig = { redirectTo: string | null };

export const CODE_TTL_MS = 5 * 60 * 1000;
export const ACCESS_TOKEN_TTL_S = 3600;

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/** All mutable simulator state in one object, so `reset` and tests can reason about it. */
export class SimState {
  accounts = new Map<string, Account>();
  devices = new Map<string, Device>();
  accessTokens = new Map<string, AccessToken>();
  codes = new Map<string, AuthCode>();
  signIns = new Map<string, PendingSignIn>();
  faults: FaultRule[] = [];
  calls: CallRecord[] = [];
  counts = new Map<string, number>();
  config: SimConfig = { redirectTo: null };
  clockOffsetMs = 0;
  private callSeq = 0;

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  addAccount(spec: AccountSpec): Account {
    const name = spec.name ?? spec.email.split("@")[0] ?? "Reader";
    const account: Account = {
      email: spec.email.toLowerCase(),
      password: spec.password,
      name,
      givenName: name.split(" ")[0] ?? name,
      userId: `amzn1.account.${randomBytes(14).toString("hex").toUpperCase().slice(0, 28)}`,
      challenges: spec.challenges ?? {},
      library: new LibraryStore(spec.library?.seed ?? spec.email, spec.library?.size ?? 0, this.now()),
    };
    this.accounts.set(account.email, account);
    return account;
  }

  account(email: string): Account | undefined {
    return this.accounts.get(email.toLowerCase());
  }

  deviceByAdpToken(adpToken: string): Device | undefined {
    for (const device of this.devices.values()) if (device.adpToken === adpToken) return device;
    return undefined;
  }

  deviceByRefreshToken(refreshToken: string): Device | undefined {
    for (const device of this.devices.values()) if (device.refreshToken === refreshToken) return device;
    return undefined;
  }

  issueAccessToken(device: Device): AccessToken {
    const token: AccessToken = {
      token: `Atna|${randomToken(48)}`,
      deviceId: device.id,
      email: device.email,
      expiresAt: this.now() + ACCESS_TOKEN_TTL_S * 1000,
    };
    this.accessTokens.set(token.token, token);
    return token;
  }

  /** Deregistration kills the refresh token, ADP token and key at once; only `keep` (the caller's token) survives. */
  deactivateDevice(device: Device, keep?: string): void {
    device.active = false;
    for (const [value, token] of this.accessTokens) {
      if (token.deviceId === device.id && value !== keep) this.accessTokens.delete(value);
    }
  }

  record(call: Omit<CallRecord, "seq" | "at">): void {
    this.counts.set(call.route, (this.counts.get(call.route) ?? 0) + 1);
    this.calls.push({ ...call, seq: ++this.callSeq, at: new Date(this.now()).toISOString() });
    if (this.calls.length > 5000) this.calls.splice(0, this.calls.length - 5000);
  }
}
