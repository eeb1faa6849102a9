import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getSessionUser } from "@/server/auth";
import { getDb } from "@/server/db";
import { env } from "@/lib/env";
import { appOriginFrom } from "@/server/app-origin";
import { log } from "@/server/log";
import { guardRequest } from "@/server/trpc/request-guard";
import { appRouter } from "@/server/trpc/root";
import { buildContext } from "@/server/trpc/context";
import { kickSyncWorker } from "@/server/jobs/sync-worker";

const wakeSyncWorker = () => void kickSyncWorker();

const MAX_BATCH_SIZE = 10;

async function handler(req: Request) {
  const guard = guardRequest(req, appOriginFrom(req.headers, env.AUTH_URL));
  if (!guard.ok) {
    return Response.json(
      { error: { message: guard.message } },
      { status: guard.status, headers: { "cache-control": "no-store" } },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    // Everything here is one person's account state: never cache it anywhere.
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store" }) }),
    createContext: async () =>
      buildContext({
        db: await getDb(),
        user: await getSessionUser(req.headers),
        headers: req.headers,
        wakeSyncWorker,
      }),
    onError({ error, path, ctx }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      log.error(
        {
          requestId: ctx?.requestId,
          userId: ctx?.user?.id,
          path,
          errorType: error.cause?.name ?? error.name,
          err: error.cause ?? error,
        },
        "procedure failed",
      );
    },
  });
}

export { handler as GET, handler as POST };
