import { z } from "zod";
import { env } from "@/lib/env";
import {
  connectCompleteInputSchema,
  connectCompleteOutputSchema,
  connectStartInputSchema,
  connectStartOutputSchema,
  disconnectInputSchema,
  disconnectOutputSchema,
  statusOutputSchema,
  syncOutputSchema,
  syncRunsInputSchema,
  syncRunsOutputSchema,
  audibleSettingsSchema,
} from "@/lib/validation/audible";
import {
  CATALOG_PAGE_SIZE,
  catalogDetailsInputSchema,
  catalogProductViewSchema,
  catalogSearchInputSchema,
  catalogSearchOutputSchema,
  playUrlInputSchema,
  playUrlOutputSchema,
} from "@/lib/validation/catalog";
import { catalogDetails, searchCatalog } from "@/server/audible/catalog/search";
import { playUrl } from "@/server/audible/catalog/play-url";

import { toRunView } from "@/server/audible/connection/status";
import { listRuns } from "@/server/audible/sync/runs";
import { enqueueSync } from "@/server/jobs/sync-queue";
import { readAudibleSettings, writeAudibleSettings } from "@/server/db/queries/users";
import { startAttempt } from "@/server/audible/connection/attempts";
import { withAppErrors } from "@/server/audible/connection/app-errors";
import { appOriginFrom } from "@/server/app-origin";
import { buildBookmarklet } from "@/server/audible/connection/bookmarklet";
import { completeConnection } from "@/server/audible/connection/connect";
import { connectionDeps } from "@/server/audible/connection/deps";
import { disconnectAccount } from "@/server/audible/connection/disconnect";
import { connectionStatus } from "@/server/audible/connection/status";
import { findAudibleAccount } from "@/server/db/queries/audible-accounts";
import { AppError } from "@/server/errors";
import { rateLimited } from "@/server/rate-limit/middleware";
import { audibleProcedure } from "../audible-procedure";
import { createTRPCRouter, protectedProcedure } from "../init";

export const audibleRouter = createTRPCRouter({
  connect: createTRPCRouter({
    start: audibleProcedure
      .use(rateLimited("audible.connect.start"))
      .input(connectStartInputSchema)
      .output(connectStartOutputSchema)
      .mutation(async ({ ctx, input }) => {
        const deps = connectionDeps(ctx);
        const existing = await findAudibleAccount(ctx.db, ctx.user.id);
        if (existing?.status === "connected") {
          throw new AppError("AUDIBLE_ALREADY_CONNECTED", "Your Audible account is already connected.");
        }
        const attempt = await startAttempt(
          { ...deps, now: deps.now() },
          { userId: ctx.user.id, marketplace: input.marketplace, withState: env.AUDIBLE_SIGNIN_REDIRECT },
        );
        return { ...attempt, bookmarklet: buildBookmarklet(appOriginFrom(ctx.headers, env.AUTH_URL)) };
      }),

    complete: audibleProcedure
      .use(rateLimited("audible.connect.complete"))
      .input(connectCompleteInputSchema)
      .output(connectCompleteOutputSchema)
      .mutation(async ({ ctx, input }) => {
        const connected = await withAppErrors(() =>
          completeConnection(connectionDeps(ctx), { userId: ctx.user.id, ...input }),
        );
        // The first import starts at once; a reconnect catches up with a delta.
        await enqueueSync(ctx.db, {
          userId: ctx.user.id,
          kind: connected.reconnected ? "delta" : "full",
          trigger: "connect",
        });
        ctx.wakeSyncWorker();
        return connected;
      }),
  }),

  status: protectedProcedure
    .use(rateLimited("audible.status"))
    .input(z.void())
    .output(statusOutputSchema)
    .query(({ ctx }) => connectionStatus(ctx.db, ctx.user.id)),

  sync: audibleProcedure
    .use(rateLimited("audible.sync"))
    .input(z.object({ full: z.boolean().default(false) }).default({ full: false }))
    .output(syncOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const account = await findAudibleAccount(ctx.db, ctx.user.id);
      if (!account) throw new AppError("AUDIBLE_NOT_CONNECTED", "Connect your Audible account first.");
      if (account.status === "reauth_required") {
        throw new AppError(
          "AUDIBLE_REAUTH_REQUIRED",
          "Audible no longer accepts this connection. Reconnect it.",
        );
      }
      const { run, joined } = await enqueueSync(ctx.db, {
        userId: ctx.user.id,
        kind: input.full ? "full" : "delta",
        trigger: "manual",
      });
      ctx.wakeSyncWorker();
      return { run: toRunView(run), joined };
    }),

  syncRuns: protectedProcedure
    .input(syncRunsInputSchema)
    .output(syncRunsOutputSchema)
    .query(async ({ ctx, input }) => (await listRuns(ctx.db, ctx.user.id, input.limit)).map(toRunView)),

  settings: protectedProcedure
    .input(z.void())
    .output(audibleSettingsSchema)
    .query(({ ctx }) => readAudibleSettings(ctx.db, ctx.user.id)),

  updateSettings: protectedProcedure
    .input(audibleSettingsSchema)
    .output(audibleSettingsSchema)
    .mutation(({ ctx, input }) => writeAudibleSettings(ctx.db, ctx.user.id, input)),

  disconnect: protectedProcedure
    .use(rateLimited("audible.disconnect"))
    .input(disconnectInputSchema)
    .output(disconnectOutputSchema)
    .mutation(({ ctx, input }) =>
      withAppErrors(() =>
        disconnectAccount(connectionDeps(ctx), { userId: ctx.user.id, keepLibrary: input.keepLibrary }),
      ),
    ),

  // The catalogue needs no Audible connection: anyone signed in to Media Feed can search it.
  search: audibleProcedure
    .use(rateLimited("audible.search"))
    .input(catalogSearchInputSchema)
    .output(catalogSearchOutputSchema)
    .query(({ ctx, input }) =>
      withAppErrors(() =>
        searchCatalog({ db: ctx.db }, ctx.user.id, {
          ...input,
          pageSize: CATALOG_PAGE_SIZE,
        }),
      ),
    ),

  details: audibleProcedure
    .use(rateLimited("audible.search"))
    .input(catalogDetailsInputSchema)
    .output(catalogProductViewSchema)
    .query(({ ctx, input }) => withAppErrors(() => catalogDetails({ db: ctx.db }, ctx.user.id, input))),

  playUrl: audibleProcedure
    .input(playUrlInputSchema)
    .output(playUrlOutputSchema)
    .query(({ input }) => ({
      url: playUrl(input.marketplace, input.asin, input.platform),
      platform: input.platform,
    })),
});
