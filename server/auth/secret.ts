import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { readOrCreateDevSecret } from "@/server/dev-secrets";

/** Encrypts session cookies: Auth.js and the session resolver must agree on it. */
export const authSecret = () =>
  env.AUTH_SECRET ?? readOrCreateDevSecret("auth-secret", () => randomBytes(32).toString("base64"));
