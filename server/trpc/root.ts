import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { audibleRouter } from "./routers/audible";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audible: audibleRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
