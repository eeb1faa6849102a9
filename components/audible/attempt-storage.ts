import { z } from "zod";
import { attemptIdSchema, marketplaceSchema } from "@/lib/validation/audible";

const KEY = "media-feed:audible-connect-attempt";

const storedAttemptSchema = z.object({
  attemptId: attemptIdSchema,
  marketplace: marketplaceSchema,
  expiresAt: z.coerce.date(),
});

export type StoredAttempt = z.infer<typeof storedAttemptSchema>;

/**
 * The bookmarklet opens the landing page in Amazon's tab, which knows nothing about the modal: the attempt
 * id has to travel through this browser's storage. It is useless without the Amazon code, so storing it is safe.
 */
export function saveAttempt(attempt: StoredAttempt): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(attempt));
  } catch {
    // Private modes can refuse storage; pasting in the modal still works.
  }
}

export function loadAttempt(): StoredAttempt | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    const parsed = raw ? storedAttemptSchema.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function clearAttempt(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
