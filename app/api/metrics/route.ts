import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { metrics } from "@/server/metrics";

export const dynamic = "force-dynamic";

function authorised(header: string | null, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus text, for a scraper holding METRICS_TOKEN; without a configured token the endpoint does not exist. */
export async function GET(req: Request) {
  const token = env.METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  if (!authorised(req.headers.get("authorization"), token)) {
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
}
