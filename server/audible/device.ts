import { randomBytes } from "node:crypto";
import { AUDIBLE_DEVICE_TYPES } from "./locales";

/**
 * We present ourselves as the iOS Audible app (mkb79 flavour, protocol doc §2.1/§3): its device
 * type, sign-in parameters and registration data are the combination every tool documents together.
 */
export const IOS_DEVICE = {
  deviceType: AUDIBLE_DEVICE_TYPES.ios,
  appName: "Audible",
  appVersion: "3.56.2",
  softwareVersion: "35602678",
  osVersion: "15.0.0",
  deviceModel: "iPhone",
  // Amazon expands the placeholders into e.g. "Robert's 2nd Media Feed for iPhone".
  deviceNameTemplate: "%FIRST_NAME%%FIRST_NAME_POSSESSIVE_STRING%%DUPE_STRATEGY_1ST%Media Feed for iPhone",
} as const satisfies Record<string, string>;

export const DEVICE_TYPE = IOS_DEVICE.deviceType;

const serialPattern = /^[0-9A-F]{32,40}$/;

/** 32 upper-case hex chars, the shape mkb79 uses (uuid4 hex); any hex works upstream. */
export function createDeviceSerial(): string {
  return randomBytes(16).toString("hex").toUpperCase();
}

export function isDeviceSerial(value: string): boolean {
  return serialPattern.test(value);
}

/** client_id = lower-case hex of the ASCII string `{serial}#{device_type}` (sent without `device:` at registration). */
export function deriveClientId(serial: string, deviceType: string = DEVICE_TYPE): string {
  return Buffer.from(`${serial}#${deviceType}`, "ascii").toString("hex");
}
