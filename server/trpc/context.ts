import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db";
import type { SessionUser } from "@/server/auth";

export type Context = {
  db: Db;
  user: SessionUser | null;
  requestId: string;
  headers: Headers;
  clientIp: string | null;
  /** Wakes the background sync worker after a run is queued; tests drain the queue themselves. */
  wakeSyncWorker: () => void;
};

/** The first X-Forwarded-For hop is the client as our own reverse proxy saw it. */
function clientIpOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

export function buildContext(input: {
  db: Db;
  user: SessionUser | null;
  headers?: Headers;
  wakeSyncWorker?: () => void;
}): Context {
  const headers = input.headers ?? new Headers();
  return {
    db: input.db,
    user: input.user,
    headers,
    clientIp: clientIpOf(headers),
    requestId: randomUUID(),
    wakeSyncWorker: input.wakeSyncWorker ?? (() => {}),
  };
}
