import { getVault, type Vault } from "@/server/crypto/vault";
import type { Db } from "@/server/db";
import type { Context } from "@/server/trpc/context";
import { readBaseTemplates, type BaseTemplates } from "../hosts";

/** Everything the connection steps need from outside, passed in so tests can swap the clock or hosts. */
export type ConnectionDeps = {
  db: Db;
  vault: Vault;
  templates: BaseTemplates;
  now: () => Date;
  audit: { ip: string | null; userAgent: string | null };
};

export function connectionDeps(ctx: Context): ConnectionDeps {
  return {
    db: ctx.db,
    vault: getVault(),
    templates: readBaseTemplates(),
    now: () => new Date(),
    audit: { ip: ctx.clientIp, userAgent: ctx.headers.get("user-agent") },
  };
}
