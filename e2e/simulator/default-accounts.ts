import type { AccountSpec } from "./state";

/** Printed by `npm run sim` and listed in the README; seeds are fixed so every run shows the same books. */
export const DEFAULT_ACCOUNTS = [
  {
    email: "demo@example.com",
    password: "demo-password",
    name: "Robert Demo",
    library: { seed: "demo", size: 120 },
  },
  {
    email: "otp@example.com",
    password: "otp-password",
    name: "Olivia Otp",
    challenges: { otp: "123456" },
    library: { seed: "otp", size: 40 },
  },
  {
    email: "captcha@example.com",
    password: "captcha-password",
    name: "Carl Captcha",
    challenges: { captcha: "xk7pq" },
    library: { seed: "captcha", size: 25 },
  },
  {
    email: "approve@example.com",
    password: "approve-password",
    name: "Ada Approve",
    challenges: { approval: true },
    library: { seed: "approve", size: 25 },
  },
  {
    email: "big@example.com",
    password: "big-password",
    name: "Bea Big",
    library: { seed: "big", size: 10_000 },
  },
  {
    email: "empty@example.com",
    password: "empty-password",
    name: "Emma Empty",
    library: { seed: "empty", size: 0 },
  },
] as const satisfies readonly AccountSpec[];
