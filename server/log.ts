import pino from "pino";

// Any key that can carry a credential is censored wherever it appears in a logged object.
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "adpToken",
  "adp_token",
  "privateKey",
  "private_key",
  "device_private_key",
  "cookies",
  "cookie",
  "authorization",
  "code",
  "codeVerifier",
  "code_verifier",
  "verifier",
  "secret",
  "key",
  "landingUrl",
];
const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `headers.${key}`]);

// Writing through process.stdout (rather than pino's direct fd writes) lets the secret-canary tests read every line.
const stdout = { write: (line: string) => process.stdout.write(line) };

export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: undefined,
    messageKey: "message",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths, censor: "[redacted]" },
  },
  stdout,
);

export type Logger = typeof log;
