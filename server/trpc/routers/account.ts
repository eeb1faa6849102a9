import { z } from "zod";
import { AppError } from "@/server/errors";
import { findAccountProfile } from "@/server/db/queries/users";
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
});
