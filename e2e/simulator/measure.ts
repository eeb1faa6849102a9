import { startSimulator } from "./server";
import { connect } from "./test-flow";
import { adpHeaders } from "./test-signer";

/**
 * `npx tsx e2e/simulator/measure.ts`: times 1,000-title pages of a 10,000-title library (signed requests, the
 * usual sync groups). With SIM_URL it measures a separately running `npm run sim` (account big@example.com),
 * which keeps the client's own work out of the simulator's process.
 */
const external = process.env.SIM_URL;
const sim = external
  ? { baseUrl: external, close: async () => undefined }
  : await startSimulator({
      defaultAccounts: false,
      accounts: [
        { email: "big@example.com", password: "big-password", library: { seed: "big", size: 10_000 } },
      ],
    });
const creds = await connect(sim.baseUrl, { email: "big@example.com", password: "big-password" });
const groups =
  "contributors,media,product_attrs,product_desc,product_extended_attrs,series,rating,relationships,listening_status,percent_complete,is_finished,product_plans,category_ladders";

async function page(n: number): Promise<{ ms: number; server: number; bytes: number }> {
  const pathAndQuery = `/1.0/library?num_results=1000&page=${n}&response_groups=${groups}`;
  const started = performance.now();
  const response = await fetch(`${sim.baseUrl}/api.audible.com${pathAndQuery}`, {
    headers: adpHeaders(creds, { method: "GET", pathAndQuery }),
  });
  const firstByte = Number(response.headers.get("server-timing")?.match(/dur=([\d.]+)/)?.[1] ?? Number.NaN);
  const body = await response.text();
  return { ms: performance.now() - started, server: firstByte, bytes: body.length };
}

// Let the background device-key pool finish so RSA generation does not compete for the CPU.
await new Promise((resolve) => setTimeout(resolve, 3000));
for (const round of ["cold", "warm"]) {
  const results = [];
  for (let n = 1; n <= 10; n++) results.push(await page(n));
  console.log(
    `${round} per page (ms): ${results.map((r) => `${r.server.toFixed(0)}/${r.ms.toFixed(0)}`).join(" ")} (server time/complete round trip)`,
  );
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `${round}: 10 pages of 1,000 — min ${times[0]?.toFixed(1)} ms, median ${times[5]?.toFixed(1)} ms, max ${times[9]?.toFixed(1)} ms, ~${Math.round((results[0]?.bytes ?? 0) / 1024)} KiB/page`,
  );
}
await sim.close();
