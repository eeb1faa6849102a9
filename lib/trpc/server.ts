import "server-only";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { headers } from "next/headers";
import { cache } from "react";
import { getSessionUser } from "@/server/auth";
import { getDb } from "@/server/db";
import { buildContext } from "@/server/trpc/context";
import { kickSyncWorker } from "@/server/jobs/sync-worker";
import { createCaller, type AppRouter } from "@/server/trpc/root";
import { makeQueryClient } from "./query-client";

const createRscContext = cache(async () =>
  buildContext({
    db: await getDb(),
    user: await getSessionUser(),
    headers: new Headers(await headers()),
    wakeSyncWorker: () => void kickSyncWorker(),
  }),
);

export const getQueryClient = cache(makeQueryClient);

/** `api` calls procedures from Server Components; `HydrateClient` hands what they prefetched to the client cache. */
export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(
  createCaller(createRscContext),
  getQueryClient,
);
