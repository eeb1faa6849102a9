import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { SimControl } from "@/e2e/simulator/control";
import { connect } from "@/e2e/simulator/test-flow";
import { adpHeaders } from "@/e2e/simulator/test-signer";
import { LIBRARY_SYNC_IMAGE_SIZES, LIBRARY_SYNC_RESPONSE_GROUPS } from "@/server/audible/map/response-groups";

export type SimEnv = Record<string, string>;
export type RunningSim = { baseUrl: string; env: SimEnv; control: SimControl; stop: () => Promise<void> };

export const TSX = ["node_modules/.bin/tsx", "--conditions=react-server"] as const;

export async function startSimulatorProcess(): Promise<RunningSim> {
  const child = spawn(TSX[0], [TSX[1], "e2e/bench/simulator-process.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const first = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`simulator exited early (${code})`)));
    createInterface({ input: child.stdout! }).once("line", resolve);
  });
  const { baseUrl, env } = JSON.parse(first) as { baseUrl: string; env: SimEnv };
  return { baseUrl, env, control: new SimControl(baseUrl), stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/**
 * Titles are generated on first read: one pass over every page, signed like the app's own calls and with
 * the same groups, so no measured import pays for generation or the simulator's JIT warm-up.
 */
export async function warmLibrary(
  sim: RunningSim,
  account: { email: string; password: string },
  size: number,
) {
  const creds = await connect(sim.baseUrl, account);
  const query = new URLSearchParams({
    num_results: "1000",
    response_groups: LIBRARY_SYNC_RESPONSE_GROUPS.join(","),
    image_sizes: LIBRARY_SYNC_IMAGE_SIZES.join(","),
    sort_by: "-PurchaseDate",
  });
  for (let page = 1; page <= Math.ceil(size / 1000); page++) {
    query.set("page", String(page));
    const pathAndQuery = `/1.0/library?${query}`;
    const response = await fetch(`${sim.baseUrl}/api.audible.com${pathAndQuery}`, {
      headers: adpHeaders(creds, { method: "GET", pathAndQuery }),
    });
    if (!response.ok) throw new Error(`warm-up page ${page}: HTTP ${response.status}`);
    await response.arrayBuffer();
  }
}
