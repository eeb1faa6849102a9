import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, bigint } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const audibleAccountStatusEnum = pgEnum("audible_account_status", ["connected", "reauth_required"]);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/**
 * One Audible connection per person. Every `*_enc` column holds token-vault ciphertext bound to the
 * user id and the column name, so a value copied to another row or column does not decrypt.
 */
export const audibleAccounts = pgTable(
  "audible_accounts",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    marketplace: text("marketplace").notNull(),
    amazonUserId: text("amazon_user_id").notNull(),
    customerName: text("customer_name"),
    deviceSerial: text("device_serial").notNull(),
    deviceName: text("device_name").notNull(),
    accessTokenEnc: text("access_token_enc").notNull(),
    refreshTokenEnc: text("refresh_token_enc").notNull(),
    adpTokenEnc: text("adp_token_enc").notNull(),
    devicePrivateKeyEnc: text("device_private_key_enc").notNull(),
    cookiesEnc: text("cookies_enc").notNull(),
    keyId: text("key_id").notNull(),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }).notNull(),
    status: audibleAccountStatusEnum("status").notNull().default("connected"),
    connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
    lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
    lastSyncError: text("last_sync_error"),
    // Audible's State-Token from the last complete scan: the next sync asks only for what changed since.
    stateToken: text("state_token"),
    lastFullSyncAt: timestamp("last_full_sync_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("audible_accounts_user_id_key").on(t.userId),
    index("audible_accounts_amazon_user_id_idx").on(t.amazonUserId),
    index("audible_accounts_last_sync_at_idx").on(t.lastSyncAt),
    index("audible_accounts_sync_error_idx").on(t.lastSyncAt, t.lastSyncError),
    index("audible_accounts_key_id_idx").on(t.keyId),
  ],
);

/**
 * A sign-in started but not finished. The id handed to the browser is never stored, only its hash;
 * completing deletes the row in the same statement that reads it, so it works once.
 */
export const connectAttempts = pgTable(
  "connect_attempts",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    marketplace: text("marketplace").notNull(),
    deviceSerial: text("device_serial").notNull(),
    codeVerifierEnc: text("code_verifier_enc").notNull(),
    keyId: text("key_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("connect_attempts_user_id_idx").on(t.userId),
    index("connect_attempts_expires_at_idx").on(t.expiresAt),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    detail: jsonb("detail")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_user_created_idx").on(t.userId, t.createdAt)],
);
