import { assertAvailable, availabilityOf } from "@/server/audible/availability";
import { protectedProcedure } from "./init";

/**
 * Audible features that reach Amazon: refused with PLAN_REQUIRED or AUDIBLE_DISABLED when the person's
 * plan or this deployment does not allow them. Status, history and disconnect stay open so nobody is
 * locked out of seeing or ending a connection after a plan change.
 */
export const audibleProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  assertAvailable(await availabilityOf(ctx.db, ctx.user.id));
  return next();
});
