import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "@upstash/redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/server/errors";
import { log } from "@/server/log";
import { createRateLimiter, STORE_UNAVAILABLE_MESSAGE } from "./limiter";
import { MemoryLimiter } from "./memory-limiter";
import { ratePolicies, resolveRatePolicies, type RatePolicyName } from "./policies";
import { createRedisRequester } from "./redis-requester";
import { createRateLimitStore, type RateLimitStore } from "./store";

const policies = resolveRatePolicies({});
const policyNames = Object.keys(ratePolicies) as RatePolicyName[];
const uniquePrefix = () => `mf:rl:test:${randomUUID()}`;

const opened: RateLimitStore[] = [];
function store(env: Record<string, string>) {
  const created = createRateLimitStore(env);
  opened.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((each) => each.close()));
  vi.restoreAllMocks();
});

async function hundredConcurrent(limiterStore: RateLimitStore) {
  const limiter = createRateLimiter({ store: limiterStore, policies, prefix: uniquePrefix() });
  const results = await Promise.all(
    Array.from({ length: 100 }, () => limiter.check("audible.connect.start", "user:concurrent")),
  );
  return results;
}

describe("store selection", () => {
  it("prefers Upstash REST, then REDIS_URL, then in-process", () => {
    const upstash = { UPSTASH_REDIS_REST_URL: "https://example.upstash.io", UPSTASH_REDIS_REST_TOKEN: "t" };
    expect(store({ ...upstash, REDIS_URL: "redis://127.0.0.1:1" }).kind).toBe("upstash");
    expect(
      store({ UPSTASH_REDIS_REST_URL: "https://example.upstash.io", REDIS_URL: "redis://127.0.0.1:1" }).kind,
    ).toBe("redis");
    expect(store({}).kind).toBe("memory");
  });
});

describe("exact under concurrency (limit 3, 100 concurrent calls)", () => {
  it("in-process: exactly 3 pass", async () => {
    const results = await hundredConcurrent(store({}));
    expect(results.filter((result) => result.success)).toHaveLength(3);
    const denied = results.filter((result) => !result.success);
    expect(denied.every((result) => result.retryAfterSeconds >= 1 && result.remaining === 0)).toBe(true);
  });

  it.skipIf(!process.env.REDIS_URL)("real Redis through the adapter: exactly 3 pass", async () => {
    const redisStore = store({ REDIS_URL: process.env.REDIS_URL! });
    expect(redisStore.kind).toBe("redis");
    const results = await hundredConcurrent(redisStore);
    expect(results.filter((result) => result.success)).toHaveLength(3);
    expect(results.every((result) => !result.degraded)).toBe(true);
    expect(results.filter((result) => !result.success).every((result) => result.retryAfterSeconds >= 1)).toBe(
      true,
    );
  });
});

describe("MemoryLimiter follows the sliding window", () => {
  it("weights the previous window and frees up as it slides out", async () => {
    let now = 10 * 60_000;
    const limiter = new MemoryLimiter({
      limit: 3,
      windowMs: 60_000,
      prefix: "p",
      counters: new Map(),
      now: () => now,
    });
    for (let i = 0; i < 3; i++) expect((await limiter.limit("a")).success).toBe(true);
    expect(await limiter.limit("a")).toEqual({ success: false, remaining: 0, reset: 11 * 60_000 });
    expect((await limiter.limit("b")).success).toBe(true);
    now = 11 * 60_000;
    expect((await limiter.limit("a")).success).toBe(false);
    // Half-way through: floor(0.5 × 3) = 1 call still counts from the previous window, so 2 fit.
    now = 11 * 60_000 + 30_000;
    expect(await limiter.limit("a")).toMatchObject({ success: true, remaining: 1 });
    expect(await limiter.limit("a")).toMatchObject({ success: true, remaining: 0 });
    expect((await limiter.limit("a")).success).toBe(false);
    now = 13 * 60_000;
    expect(await limiter.limit("a")).toMatchObject({ success: true, remaining: 2 });
  });
});

const throwing = { request: async () => Promise.reject(new Error("WRONGPASS secret-host.internal:6379")) };
const hanging = { request: () => new Promise<never>(() => undefined) };

describe.each([
  [
    "throws",
    () => ({ kind: "redis", redis: new Redis(throwing), close: async () => undefined }) as RateLimitStore,
  ],
  [
    "hangs past the timeout",
    () => ({ kind: "redis", redis: new Redis(hanging), close: async () => undefined }) as RateLimitStore,
  ],
  [
    "answers with an error",
    () =>
      ({
        kind: "redis",
        redis: new Redis(
          createRedisRequester(async () => {
            throw new Error("NOAUTH secret-host.internal");
          }),
        ),
        close: async () => undefined,
      }) as RateLimitStore,
  ],
])("when the store %s", (_, makeStore) => {
  it.each(policyNames)("%s does what its policy declares", async (name) => {
    const warn = vi.spyOn(log, "warn");
    const limiter = createRateLimiter({
      store: makeStore(),
      policies,
      prefix: uniquePrefix(),
      timeoutMs: 50,
    });
    const attempt = limiter.check(name, "user:down");
    if (ratePolicies[name].failure === "open") {
      await expect(attempt).resolves.toMatchObject({ success: true, degraded: true });
    } else {
      const error = await attempt.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ appCode: "SERVICE_UNAVAILABLE", code: "SERVICE_UNAVAILABLE" });
      expect((error as AppError).message).toBe(STORE_UNAVAILABLE_MESSAGE);
      expect(JSON.stringify(error)).not.toContain("secret-host");
    }
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ policy: name }),
      "rate-limit store unavailable",
    );
  });
});

describe("real unreachable stores count as down", () => {
  it("Upstash REST refusing connections: fail-closed policy refuses, fail-open allows", async () => {
    const down = store({ UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9", UPSTASH_REDIS_REST_TOKEN: "t" });
    const limiter = createRateLimiter({ store: down, policies, prefix: uniquePrefix() });
    await expect(limiter.check("audible.sync", "user:x")).rejects.toMatchObject({
      appCode: "SERVICE_UNAVAILABLE",
    });
    await expect(limiter.check("audible.status", "user:x")).resolves.toMatchObject({
      success: true,
      degraded: true,
    });
  });

  it("plain Redis refusing connections: commands time out and the policy applies", async () => {
    const down = store({ REDIS_URL: "redis://127.0.0.1:9" });
    const limiter = createRateLimiter({ store: down, policies, prefix: uniquePrefix() });
    await expect(limiter.check("audible.connect.start", "user:x")).rejects.toMatchObject({
      appCode: "SERVICE_UNAVAILABLE",
    });
    await expect(limiter.check("audible.search", "user:x")).resolves.toMatchObject({ degraded: true });
  });
});

describe.each([
  [
    "HTTP 401 with a JSON error",
    401,
    "application/json",
    '{"error":"WRONGPASS invalid token for secret-host"}',
  ],
  ["HTTP 502 with an HTML page", 502, "text/html", "<html>Bad gateway secret-host</html>"],
  ["no answer at all", 0, "", ""],
])("Upstash REST answering with %s", (_, status, type, body) => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      if (status === 0) return;
      response.writeHead(status, { "content-type": type }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("fails closed or open per policy without leaking the store's text", async () => {
    const upstash = store({ UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: "t" });
    const limiter = createRateLimiter({ store: upstash, policies, prefix: uniquePrefix() });
    const error = await limiter.check("audible.connect.complete", "user:x").then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ appCode: "SERVICE_UNAVAILABLE", message: STORE_UNAVAILABLE_MESSAGE });
    expect(JSON.stringify(error)).not.toContain("secret-host");
    await expect(limiter.check("audible.status", "user:x")).resolves.toMatchObject({
      success: true,
      degraded: true,
    });
  });
});
