import { randomUUID } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth";
import type { Db } from "@/server/db";
import { buildContext } from "@/server/trpc/context";
import {
  createCallerFactory,
  createTRPCRouter,
  protectedProcedure,
  publicProcedure,
} from "@/server/trpc/init";
import { createRateLimiter } from "./limiter";
import { rateLimited, retryAfterMessage } from "./middleware";
import { resolveRatePolicies } from "./policies";
import { createRateLimitStore } from "./store";

const db = null as unknown as Db;

function setup() {
  const limiter = createRateLimiter({
    store: createRateLimitStore({}),
    policies: resolveRatePolicies({}),
    prefix: `mf:rl:test:${randomUUID()}`,
  });
  const router = createTRPCRouter({
    connectStart: protectedProcedure
      .use(rateLimited("audible.connect.start", { limiter }))
      .mutation(() => "ok"),
    signIn: publicProcedure.use(rateLimited("auth.signIn", { limiter })).mutation(() => "ok"),
  });
  return { router, createCaller: createCallerFactory(router) };
}

const someone = (): SessionUser => ({ id: randomUUID(), email: "a@example.com", name: null });

describe("rateLimited middleware", () => {
  it("lets 3 of 8 simultaneous calls through, the way a batch arrives, and explains the wait", async () => {
    const { createCaller } = setup();
    const caller = createCaller(buildContext({ db, user: someone() }));
    const settled = await Promise.allSettled(Array.from({ length: 8 }, () => caller.connectStart()));
    expect(settled.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(3);
    const errors = settled.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(errors).toHaveLength(5);
    for (const error of errors) {
      expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS", appCode: "RATE_LIMITED" });
      expect(error.details.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(error.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    }
  });

  it("counts every call of one HTTP batch request separately", async () => {
    const { router } = setup();
    const user = someone();
    const calls = 8;
    const path = Array.from({ length: calls }, () => "connectStart").join(",");
    const body = Object.fromEntries(Array.from({ length: calls }, (_, i) => [String(i), { json: null }]));
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      router,
      req: new Request(`http://localhost/api/trpc/${path}?batch=1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      createContext: () => buildContext({ db, user }),
    });
    const results = (await response.json()) as Array<{
      result?: unknown;
      error?: { json: { data: Record<string, unknown> } };
    }>;
    expect(results).toHaveLength(calls);
    expect(results.filter((entry) => entry.result)).toHaveLength(3);
    const limited = results.flatMap((entry) => (entry.error ? [entry.error.json.data] : []));
    expect(limited).toHaveLength(5);
    for (const data of limited) {
      expect(data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429, appCode: "RATE_LIMITED" });
      expect((data.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
  });

  it("keys signed-in callers by user, so one user's limit does not block another", async () => {
    const { createCaller } = setup();
    const first = createCaller(buildContext({ db, user: someone() }));
    const second = createCaller(buildContext({ db, user: someone() }));
    for (let i = 0; i < 3; i++) await first.connectStart();
    await expect(first.connectStart()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(second.connectStart()).resolves.toBe("ok");
  });

  it("keys signed-out callers by the first x-forwarded-for hop", async () => {
    const { createCaller } = setup();
    const from = (forwardedFor: string) =>
      createCaller(
        buildContext({ db, user: null, headers: new Headers({ "x-forwarded-for": forwardedFor }) }),
      );
    for (let i = 0; i < 10; i++) await from(`203.0.113.7, 10.0.0.${i}`).signIn();
    await expect(from("203.0.113.7, 10.0.0.99").signIn()).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await expect(from("198.51.100.1").signIn()).resolves.toBe("ok");
  });
});

describe("retryAfterMessage", () => {
  it.each([
    [0, "Too many attempts. Try again in 1 second."],
    [30, "Too many attempts. Try again in 30 seconds."],
    [60, "Too many attempts. Try again in 1 minute."],
    [61, "Too many attempts. Try again in 2 minutes."],
    [3_600, "Too many attempts. Try again in 60 minutes."],
    [7_200, "Too many attempts. Try again in 120 minutes."],
    [86_400, "Too many attempts. Try again in 24 hours."],
  ])("%i s → %s", (seconds, message) => {
    expect(retryAfterMessage(seconds)).toBe(message);
  });
});
