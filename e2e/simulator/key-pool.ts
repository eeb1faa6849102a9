import { generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";

const generate = promisify(generateKeyPair);

export type DeviceKeyPair = { privateKey: KeyObject; publicKey: KeyObject };

const POOL_SIZE = 4;
const ready: DeviceKeyPair[] = [];
let inFlight = 0;

function refill(): void {
  while (ready.length + inFlight < POOL_SIZE) {
    inFlight++;
    generate("rsa", { modulusLength: 2048 })
      .then((pair) => ready.push(pair))
      .catch(() => undefined)
      .finally(() => inFlight--);
  }
}

/**
 * A fresh 2048-bit key per device. 2048-bit generation takes a few hundred ms, so a few keys are made ahead
 * in the background; each key is still handed out exactly once.
 */
export async function takeDeviceKey(): Promise<DeviceKeyPair> {
  const pair = ready.shift();
  refill();
  return pair ?? generate("rsa", { modulusLength: 2048 });
}

export function warmKeyPool(): void {
  refill();
}
