import { desc, eq } from "drizzle-orm";
import type { Db } from "@/server/db";
import { auditLog } from "@/server/db/schema";

export type AuditAction =
  | "audible.connect"
  | "audible.reconnect"
  | "audible.disconnect"
  | "audible.reauth_required"
  | "audible.sync"
  | "import.file";

export type AuditEntry = {
  userId: string;
  action: AuditAction;
  detail?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
};

/** Details are chosen by the caller and must never hold a secret: marketplace, counts, codes. */
export async function recordAudit(db: Db, entry: AuditEntry) {
  await db.insert(auditLog).values({
    userId: entry.userId,
    action: entry.action,
    detail: entry.detail ?? {},
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 512) ?? null,
  });
}

export async function listActivity(db: Db, userId: string, limit: number) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      detail: auditLog.detail,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(eq(auditLog.userId, userId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
