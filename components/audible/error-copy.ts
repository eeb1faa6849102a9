import type { AppErrorCode } from "@/server/errors";

/** What the person can do next; each maps to one button (or, for fix-address, to the field itself). */
export type NextStep =
  "fix-address" | "start-again" | "retry" | "close" | "sign-in" | "reconnect" | "refresh";

export type ErrorCopy = { title: string; message: string; next: NextStep };

/** Codes a failed sync run records (server/audible/sync) beyond the AppError ones. */
export const RUN_ONLY_CODES = ["AUDIBLE_INCOMPLETE_SCAN", "SYNC_WORKER_LOST", "SYNC_FAILED"] as const;

type Code = AppErrorCode | (typeof RUN_ONLY_CODES)[number] | "NETWORK";

const PAGE_NOT_FOUND = "the “page not found” you landed on after signing in";

export const errorCopy = {
  CONNECT_URL_INVALID: {
    title: "That is not a page address",
    message: `Copy the whole address from the address bar of ${PAGE_NOT_FOUND}, and paste it here.`,
    next: "fix-address",
  },
  CONNECT_URL_TOO_LONG: {
    title: "That text is too long",
    message: "Paste only the address from the browser's address bar, nothing around it.",
    next: "fix-address",
  },
  CONNECT_URL_WRONG_SITE: {
    title: "That address is not Amazon's landing page",
    message: `Paste the address of ${PAGE_NOT_FOUND}. It starts with https://www.amazon.`,
    next: "fix-address",
  },
  CONNECT_URL_IS_SIGNIN: {
    title: "That is the sign-in page",
    message: `Finish signing in on Amazon first. Then copy the address of ${PAGE_NOT_FOUND}.`,
    next: "fix-address",
  },
  CONNECT_CODE_MISSING: {
    title: "The sign-in code is missing",
    message:
      "This address has no code in it. The address is long: select all of it in the address bar before copying.",
    next: "fix-address",
  },
  CONNECT_MARKETPLACE_MISMATCH: {
    title: "Another Amazon store",
    message:
      "You signed in on a different Amazon store than the marketplace you chose. Start again and pick the store you signed in to.",
    next: "start-again",
  },
  CONNECT_CODE_INVALID: {
    title: "Amazon did not accept the sign-in code",
    message: "Codes work once and only for a few minutes. Start again and paste the new address right away.",
    next: "start-again",
  },
  CONNECT_ATTEMPT_EXPIRED: {
    title: "This sign-in has expired",
    message: "Connecting has to be finished within 10 minutes of opening Amazon's sign-in. Start again.",
    next: "start-again",
  },
  AUDIBLE_ALREADY_CONNECTED: {
    title: "Audible is already connected",
    message: "To connect another Audible account, disconnect the current one in Settings first.",
    next: "close",
  },
  PLAN_REQUIRED: {
    title: "Audible import is not part of your plan",
    message: "Move to a plan that includes it, or upload an export file on the Import page instead.",
    next: "close",
  },
  AUDIBLE_DISABLED: {
    title: "Audible is not available here right now",
    message:
      "This Media Feed has the Audible integration switched off or not set up. Your imported books stay.",
    next: "close",
  },
  AUDIBLE_NOT_CONNECTED: {
    title: "Audible is not connected",
    message: "It may have been disconnected in another tab.",
    next: "refresh",
  },
  AUDIBLE_REAUTH_REQUIRED: {
    title: "Audible signed Media Feed out",
    message: "Reconnect to keep your library in sync. Your imported books stay.",
    next: "reconnect",
  },
  AUDIBLE_AUTH_FAILED: {
    title: "Amazon refused the connection",
    message:
      "Amazon did not let Media Feed register as a device. Start again; if it keeps happening, check your Amazon account for security alerts.",
    next: "start-again",
  },
  AUDIBLE_UNAVAILABLE: {
    title: "Audible is not answering",
    message: "Amazon or Audible is not responding right now. Wait a minute, then try again.",
    next: "start-again",
  },
  AUDIBLE_RATE_LIMITED: {
    title: "Audible asked us to slow down",
    message: "Audible is turning requests away for now. Wait a few minutes, then try again.",
    next: "start-again",
  },
  AUDIBLE_INCOMPLETE_SCAN: {
    title: "Audible sent only part of your library",
    message:
      "The scan stopped before every title arrived, so nothing was marked as returned. Sync again to fill in the rest.",
    next: "retry",
  },
  SYNC_WORKER_LOST: {
    title: "The sync was interrupted",
    message: "Media Feed restarted while your library was syncing. Sync again to finish it.",
    next: "retry",
  },
  SYNC_FAILED: {
    title: "The sync failed on our side",
    message: "Nothing in your library was removed. Sync again; if it keeps failing, try again tomorrow.",
    next: "retry",
  },
  RATE_LIMITED: {
    title: "Too many attempts",
    message: "Try again later.",
    next: "close",
  },
  UNAUTHENTICATED: {
    title: "You are signed out",
    message: "Your Media Feed session ended. Sign in again, then connect Audible.",
    next: "sign-in",
  },
  VALIDATION_FAILED: {
    title: "Something was not valid",
    message: "The connection attempt was not in the expected shape. Start again.",
    next: "start-again",
  },
  INTERNAL: {
    title: "Something went wrong on our side",
    message: "Please try again.",
    next: "retry",
  },
  NETWORK: {
    title: "Media Feed could not be reached",
    message: "Check your internet connection and try again.",
    next: "retry",
  },
} as const satisfies Partial<Record<Code, ErrorCopy>>;

export type KnownErrorCode = keyof typeof errorCopy;

export const nextStepLabels = {
  "fix-address": "Edit the address",
  "start-again": "Start again",
  retry: "Try again",
  close: "Close",
  "sign-in": "Sign in again",
  reconnect: "Reconnect",
  refresh: "Refresh",
} as const satisfies Record<NextStep, string>;
