import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { audibleRouter } from "./routers/audible";
import { libraryRouter } from "./routers/library";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audible: audibleRouter,
  library: libraryRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
