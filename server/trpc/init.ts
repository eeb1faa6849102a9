import { initTRPC } from "@trpc/server";
import { AppError } from "@/server/errors";
import type { Context } from "./context";
import { shapeError } from "./error-shape";
import { recordProcedureMetrics } from "./procedure-metrics";
import { transformer } from "./transformer";

const production = process.env.NODE_ENV === "production";

const t = initTRPC.context<Context>().create({
  transformer,
  isDev: !production,
  errorFormatter: ({ shape, error, ctx }) =>
    shapeError({ shape, error, correlationId: ctx?.requestId ?? null, production }),
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

const counted = t.middleware(async ({ path, next }) => {
  const result = await next();
  recordProcedureMetrics(path, result.ok ? { ok: true } : { ok: false, error: result.error });
  return result;
});

export const publicProcedure = t.procedure.use(counted);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  return next({ ctx: { ...ctx, user: ctx.user } });
});
