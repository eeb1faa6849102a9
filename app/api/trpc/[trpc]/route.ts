import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getSessionUser } from "@/server/auth";
import { getDb } from "@/server/db";
import { log } from "@/server/log";
import { appRouter } from "@/server/trpc/root";
import { buildContext } from "@/server/trpc/context";
import { kickSyncWorker } from "@/server/jobs/sync-worker";

const wakeSyncWorker = () => void kickSyncWorker();

const MAX_BATCH_SIZE = 10;

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () =>
      buildContext({ db: await getDb(), user: await getSessionUser(), headers: req.headers, wakeSyncWorker }),
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
