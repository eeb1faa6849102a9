import { metrics } from "@/server/metrics";
import type { Vault } from "./vault";

/** Counts every failed encryption and decryption, whichever caller hit it, then rethrows. */
export function withFailureCounts(vault: Vault): Vault {
  const counted =
    <A extends unknown[]>(run: (...args: A) => string, counter: { inc(): void }) =>
    (...args: A) => {
      try {
        return run(...args);
      } catch (error) {
        counter.inc();
        throw error;
      }
    };
  return {
    get currentKid() {
      return vault.currentKid;
    },
    encrypt: counted(vault.encrypt.bind(vault), metrics.encryptionErrors),
    decrypt: counted(vault.decrypt.bind(vault), metrics.decryptionErrors),
    needsRotation: (ciphertext) => vault.needsRotation(ciphertext),
  };
}
