import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db";
import type { SessionUser } from "@/server/auth";

export type Context = {
  db: Db;
  user: SessionUser | null;
  requestId: string;
  headers: Headers;
};

export function buildContext(input: { db: Db; user: SessionUser | null; headers?: Headers }): Context {
  return { db: input.db, user: input.user, headers: input.headers ?? new Headers(), requestId: randomUUID() };
}
