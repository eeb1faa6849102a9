import { z } from "zod";

/** Client-safe copy of the marketplace codes; server/audible/locales.ts is the source (a test keeps them equal). */
export const MARKETPLACES = ["us", "uk", "de", "fr", "ca", "it", "au", "in", "jp", "es", "br"] as const;
export const marketplaceSchema = z.enum(MARKETPLACES);
export type Marketplace = z.infer<typeof marketplaceSchema>;

export const marketplaceLabels = {
  us: { name: "United States", flag: "🇺🇸", site: "audible.com" },
  uk: { name: "United Kingdom", flag: "🇬🇧", site: "audible.co.uk" },
  de: { name: "Deutschland", flag: "🇩🇪", site: "audible.de" },
  fr: { name: "France", flag: "🇫🇷", site: "audible.fr" },
  ca: { name: "Canada", flag: "🇨🇦", site: "audible.ca" },
  it: { name: "Italia", flag: "🇮🇹", site: "audible.it" },
  au: { name: "Australia", flag: "🇦🇺", site: "audible.com.au" },
  in: { name: "India", flag: "🇮🇳", site: "audible.in" },
  jp: { name: "日本", flag: "🇯🇵", site: "audible.co.jp" },
  es: { name: "España", flag: "🇪🇸", site: "audible.es" },
  br: { name: "Brasil", flag: "🇧🇷", site: "audible.com.br" },
} as const satisfies Record<Marketplace, { name: string; flag: string; site: string }>;

// Attempt ids are 32 random bytes in base64url.
export const attemptIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This connection attempt is not valid.");

export const connectStartInputSchema = z.object({ marketplace: marketplaceSchema });
export const connectStartOutputSchema = z.object({
  attemptId: z.string(),
  signInUrl: z.url(),
  expiresAt: z.date(),
  bookmarklet: z.string(),
});

export const connectCompleteInputSchema = z.union([
  z.object({ attemptId: attemptIdSchema, landingUrl: z.string().max(16_384) }),
  z.object({ state: attemptIdSchema, code: z.string().min(1).max(2048) }),
]);
export const connectCompleteOutputSchema = z.object({
  marketplace: marketplaceSchema,
  accountName: z.string().nullable(),
  deviceName: z.string(),
  reconnected: z.boolean(),
});

export const syncRunSchema = z.object({
  id: z.string(),
  kind: z.enum(["full", "delta", "file"]),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  trigger: z.string(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  pagesDone: z.number().int(),
  pagesTotal: z.number().int().nullable(),
  titlesSeen: z.number().int(),
  titlesTotal: z.number().int().nullable(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  failed: z.number().int(),
  failures: z.array(z.object({ asin: z.string(), reason: z.string() })),
  errorCode: z.string().nullable(),
  createdAt: z.date(),
});
export type SyncRunView = z.infer<typeof syncRunSchema>;

export const syncOutputSchema = z.object({ run: syncRunSchema, joined: z.boolean() });
export const syncRunsInputSchema = z
  .object({ limit: z.number().int().min(1).max(50).default(10) })
  .default({ limit: 10 });
export const syncRunsOutputSchema = z.array(syncRunSchema);

export const audibleSettingsSchema = z.object({ importPodcastEpisodes: z.boolean() });

/** Whether Audible features can be used here: switched off, not configured, or not in the person's plan. */
export const availabilitySchema = z.enum(["available", "disabled", "not_configured", "plan_required"]);

export const statusOutputSchema = z.discriminatedUnion("connected", [
  z.object({ connected: z.literal(false), availability: availabilitySchema }),
  z.object({
    connected: z.literal(true),
    availability: availabilitySchema,
    marketplace: marketplaceSchema,
    accountName: z.string().nullable(),
    deviceName: z.string(),
    connectedSince: z.date(),
    lastSyncAt: z.date().nullable(),
    lastError: z.string().nullable(),
    needsReconnect: z.boolean(),
    /** Titles from this account in the person's library (returned ones excluded). */
    titleCount: z.number().int().nonnegative().nullable(),
    /** The queued or running sync, for the progress bar. */
    activeRun: syncRunSchema.nullable(),
    lastRun: syncRunSchema.nullable(),
  }),
]);

export const disconnectInputSchema = z.object({ keepLibrary: z.boolean() });
export const disconnectOutputSchema = z.object({
  /** False when Amazon could not be told; the credentials are deleted here all the same. */
  deregistered: z.boolean(),
  keptLibrary: z.boolean(),
});

export type StatusOutput = z.infer<typeof statusOutputSchema>;
