import { randomToken } from "./state";

export const FAULT_KINDS = [
  "latency",
  "rate-limit",
  "server-error",
  "html-503",
  "hang",
  "truncated-json",
  "titleless-items",
  "null-items",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults that replace or delay the whole response, applied before the handler runs. */
export const ENVELOPE_FAULTS = [
  "latency",
  "rate-limit",
  "server-error",
  "html-503",
  "hang",
] as const satisfies readonly FaultKind[];

export type FaultSpec = {
  /** Route name, e.g. "library", "register", "token"; "*" matches all routes. */
  route: string;
  kind: FaultKind;
  /** How many matching requests it affects; default 1. Use `persistent` for all. */
  times?: number;
  persistent?: boolean;
  latencyMs?: number;
  /** For rate-limit: seconds in Retry-After; omitted → no header. */
  retryAfter?: number;
  /** For null-items: first page (1-based) that comes back as `items: null`. */
  fromPage?: number;
  /** For envelope faults on paged routes: only requests for this 1-based `page` are affected. */
  onlyPage?: number;
};

export type FaultRule = FaultSpec & { id: string; remaining: number };

export function makeFault(spec: FaultSpec): FaultRule {
  return {
    ...spec,
    id: randomToken(6),
    remaining: spec.persistent ? Number.POSITIVE_INFINITY : (spec.times ?? 1),
  };
}

/** Finds and consumes the first matching rule; `accept` lets handlers add conditions (e.g. page depth). */
export function takeFault(
  rules: FaultRule[],
  route: string,
  kinds: readonly FaultKind[],
  accept: (rule: FaultRule) => boolean = () => true,
): FaultRule | undefined {
  const rule = rules.find(
    (r) => (r.route === route || r.route === "*") && kinds.includes(r.kind) && r.remaining > 0 && accept(r),
  );
  if (!rule) return undefined;
  rule.remaining -= 1;
  return rule;
}

export const WHOOPS_BODY = { message: "Whoops! Looks like something went wrong." } as const;

/** Amazon's outage page, served instead of JSON (Libation #1802). */
export const HTML_503 = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Website Temporarily Unavailable</title></head>
<body><div style="text-align:center">
<h1>Website Temporarily Unavailable</h1>
<p>We're sorry for the inconvenience. Our website is temporarily unavailable. Please try again shortly.</p>
<img src="https://images-na.ssl-images-amazon.com/images/G/01/x-locale/common/transparent-pixel.gif" alt="">
</div></body></html>`;
