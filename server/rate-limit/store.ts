import "server-only";
import { Redis } from "@upstash/redis";
import { createClient, MultiErrorReply } from "redis";
import { log } from "@/server/log";
import { createRedisRequester } from "./redis-requester";

/** A hung store must count as "down" long before a person gives up on the request. */
export const STORE_TIMEOUT_MS = 1_000;

export type RateLimitStore =
  | { kind: "upstash" | "redis"; redis: Redis; close: () => Promise<void> }
  // In-process counters: correct for a single server instance only (each instance would count alone).
  | {
      kind: "memory";
      counters: Map<string, { count: number; expiresAt: number }>;
      close: () => Promise<void>;
    };

type Env = Record<string, string | undefined>;

function tcpStore(url: string): RateLimitStore {
  let client: ReturnType<typeof createClient> | undefined;
  // Connect on first use so importing the module (or building the app) never opens a socket.
  const connected = () => {
    if (client) return client;
    client = createClient({
      url,
      commandOptions: { timeout: STORE_TIMEOUT_MS },
      socket: {
        connectTimeout: STORE_TIMEOUT_MS,
        reconnectStrategy: (attempt) => Math.min(attempt * 200, 5_000),
      },
    });
    client.on("error", (error: unknown) =>
      log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        "rate-limit redis connection error",
      ),
    );
    // Commands queued while offline fail on their own timeout; the socket keeps reconnecting meanwhile.
    client.connect().catch(() => undefined);
    return client;
  };
  const requester = createRedisRequester(
    (args) => connected().sendCommand(args),
    async (commands) => {
      const multi = connected().multi();
      for (const command of commands) multi.addCommand(command);
      try {
        return (await multi.exec()) as unknown[];
      } catch (error) {
        if (error instanceof MultiErrorReply) return error.replies;
        throw error;
      }
    },
  );
  const close = async () => {
    client?.destroy();
    client = undefined;
  };
  return { kind: "redis", redis: new Redis(requester), close };
}

/** Upstash REST when both variables are set, else REDIS_URL through the TCP adapter, else in-process. */
export function createRateLimitStore(env: Env = process.env): RateLimitStore {
  const url = env.UPSTASH_REDIS_REST_URL;
  const token = env.UPSTASH_REDIS_REST_TOKEN;
  if (url && token) {
    const redis = new Redis({
      url,
      token,
      enableTelemetry: false,
      // One quick retry only: the default five with exponential backoff take ~4 s before failing.
      retry: { retries: 1, backoff: () => 50 },
      signal: () => AbortSignal.timeout(STORE_TIMEOUT_MS),
    });
    return { kind: "upstash", redis, close: async () => undefined };
  }
  if (env.REDIS_URL) return tcpStore(env.REDIS_URL);
  return { kind: "memory", counters: new Map(), close: async () => undefined };
}

const cache = globalThis as typeof globalThis & { __mediaFeedRateLimitStore?: RateLimitStore };

/** One store per process; the globalThis slot survives Next's dev-mode module reloads. */
export function getRateLimitStore(): RateLimitStore {
  cache.__mediaFeedRateLimitStore ??= createRateLimitStore();
  return cache.__mediaFeedRateLimitStore;
}
