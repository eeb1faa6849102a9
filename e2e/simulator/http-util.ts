import type { IncomingMessage } from "node:http";

export type SimResponse = {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as given (HTML pages). */
  body: unknown;
  html?: boolean;
  /**
   * `body` already serialized and encoded: a library page of 1,000 titles costs tens of milliseconds to
   * stringify, and encoding its 3.4 MB to UTF-8 on every send held the simulator's one thread for
   * milliseconds while the other pages of a round waited.
   */
  jsonBytes?: Buffer;
};

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return { status, body, headers };
}

export function html(status: number, body: string, headers?: Record<string, string>): SimResponse {
  return { status, body, html: true, headers };
}

export function redirect(location: string): SimResponse {
  return { status: 302, body: "", html: true, headers: { location } };
}

export const NOT_AUTHENTICATED = json(403, { message: "Request could not be authenticated" });

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function isSimResponse(value: object): value is SimResponse {
  return "body" in value && "status" in value;
}
