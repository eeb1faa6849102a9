import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { audibleRouter } from "./routers/audible";
import { importsRouter } from "./routers/imports";
import { libraryRouter } from "./routers/library";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audible: audibleRouter,
  imports: importsRouter,
  library: libraryRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
