import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { AppError } from "@/server/errors";
import type { Context } from "./context";
import { shapeError } from "./error-shape";

const production = process.env.NODE_ENV === "production";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: !production,
  errorFormatter: ({ shape, error, ctx }) =>
    shapeError({ shape, error, correlationId: ctx?.requestId ?? null, production }),
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
export const publicProcedure = t.procedure;

export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  return next({ ctx: { ...ctx, user: ctx.user } });
});
