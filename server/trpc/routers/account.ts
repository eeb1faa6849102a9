import { z } from "zod";
import { AppError } from "@/server/errors";
import { findAccountProfile } from "@/server/db/queries/users";
import { listActivity } from "@/server/db/queries/audit";
import { deleteAccount } from "@/server/account/delete-account";
import { connectionDeps } from "@/server/audible/connection/deps";
import {
  activityInputSchema,
  activityOutputSchema,
  deleteAccountInputSchema,
  deleteAccountOutputSchema,
} from "@/lib/validation/account";
import { createTRPCRouter, protectedProcedure } from "../init";

const profileSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  plan: z.enum(["basic", "premium", "family"]),
  createdAt: z.date(),
});

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.output(profileSchema).query(async ({ ctx }) => {
    const profile = await findAccountProfile(ctx.db, ctx.user.id);
    if (!profile)
      throw new AppError("UNAUTHENTICATED", "Your account no longer exists. Please sign in again.");
    return profile;
  }),

  activity: protectedProcedure
    .input(activityInputSchema)
    .output(activityOutputSchema)
    .query(async ({ ctx, input }) => {
      const rows = await listActivity(ctx.db, ctx.user.id, input.limit);
      // Details are written by our own code (counts, codes, marketplace); keep only scalar values.
      return rows.map((row) => ({
        ...row,
        detail: Object.fromEntries(
          Object.entries(row.detail).filter(
            ([, value]) => value === null || ["string", "number", "boolean"].includes(typeof value),
          ),
        ) as Record<string, string | number | boolean | null>,
      }));
    }),

  delete: protectedProcedure
    .input(deleteAccountInputSchema)
    .output(deleteAccountOutputSchema)
    .mutation(({ ctx, input }) =>
      deleteAccount(connectionDeps(ctx), { userId: ctx.user.id, confirmEmail: input.confirmEmail }),
    ),
});
