import { getDb } from "@/server/db";
import { checkHealth } from "@/server/health";
import { getRateLimitStore } from "@/server/rate-limit/store";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth({ db: getDb, store: getRateLimitStore });
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
