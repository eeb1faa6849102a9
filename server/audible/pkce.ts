import { createHash, randomBytes } from "node:crypto";

export type PkcePair = { verifier: string; challenge: string; method: "S256" };

/** RFC 7636 §4.1: 32 random octets, base64url without padding, gives the 43-char verifier. */
export function createCodeVerifier(): string {
  return randomBytes(32).toString("base64url");
}

export function s256Challenge(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

export function createPkcePair(): PkcePair {
  const verifier = createCodeVerifier();
  return { verifier, challenge: s256Challenge(verifier), method: "S256" };
}
