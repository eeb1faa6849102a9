import { createHash } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { describe, expect, it } from "vitest";
import { createRedisRequester } from "./redis-requester";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** Behaves like plain Redis 7 towards scripts: rejects the Upstash-only flag and caches by SHA. */
function fakeRedis() {
  const sent: string[][] = [];
  const scripts = new Map<string, string>();
  const send = async (args: string[]) => {
    sent.push(args);
    const [name, script] = args;
    if (name === "evalsha") {
      if (!scripts.has(script!)) throw new Error("NOSCRIPT No matching script. Please use EVAL.");
      return [2, 3];
    }
    if (name === "eval") {
      if (script!.startsWith("#!"))
        throw new Error("ERR Unexpected flag in script shebang: allow-key-locking");
      scripts.set(sha1(script!), script!);
      return [2, 3];
    }
    return `reply:${args.join(" ")}`;
  };
  return { sent, send };
}

describe("createRedisRequester", () => {
  it("strips the shebang before EVAL and remaps later EVALSHA calls to the stripped script", async () => {
    const redis = fakeRedis();
    const limiter = new Ratelimit({
      redis: new Redis(createRedisRequester(redis.send)),
      limiter: Ratelimit.slidingWindow(3, "60 s"),
      prefix: `test:${crypto.randomUUID()}`,
      ephemeralCache: false,
      timeout: 0,
    });

    await expect(limiter.limit("someone")).resolves.toMatchObject({ success: true, remaining: 2 });
    await expect(limiter.limit("someone")).resolves.toMatchObject({ success: true });

    const [firstSha, evalCall, secondSha] = redis.sent;
    expect(firstSha?.[0]).toBe("evalsha");
    expect(evalCall?.[0]).toBe("eval");
    expect(evalCall?.[1]).not.toMatch(/^#!/);
    expect(secondSha?.[0]).toBe("evalsha");
    expect(secondSha?.[1]).toBe(sha1(evalCall?.[1] ?? ""));
    expect(firstSha?.[1]).not.toBe(secondSha?.[1]);
    expect(redis.sent.every((args) => args.every((arg) => !arg.includes("#!lua")))).toBe(true);
    expect(redis.sent).toHaveLength(3);
  });

  it("answers a pipeline with one bare array of per-command responses", async () => {
    const redis = fakeRedis();
    const requester = createRedisRequester(redis.send);
    const reply = await requester.request({
      path: ["pipeline"],
      body: [
        ["get", "a"],
        ["set", "b", 1],
      ],
    });
    expect(reply).toEqual([{ result: "reply:get a" }, { result: "reply:set b 1" }]);
  });

  it("runs multi-exec as one transaction, rewriting scripts and reporting failed slots as errors", async () => {
    const batches: string[][][] = [];
    const requester = createRedisRequester(
      async () => undefined,
      async (commands) => {
        batches.push(commands);
        return ["OK", new Error("WRONGTYPE boom")];
      },
    );
    const reply = await requester.request({
      path: ["multi-exec"],
      body: [
        ["eval", "#!lua flags=allow-key-locking\nreturn 1", 0],
        ["del", "x"],
      ],
    });
    expect(batches).toEqual([
      [
        ["eval", "return 1", "0"],
        ["del", "x"],
      ],
    ]);
    expect(reply).toEqual([{ result: "OK" }, { error: "WRONGTYPE boom" }]);
  });

  it("turns a failed command into an Upstash error response", async () => {
    const requester = createRedisRequester(async () => {
      throw new Error("ECONNREFUSED");
    });
    await expect(requester.request({ body: ["get", "a"] })).resolves.toEqual({ error: "ECONNREFUSED" });
  });
});
