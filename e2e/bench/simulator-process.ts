import { startSimulator } from "@/e2e/simulator/server";

/**
 * The simulator in its own process, so the RSS and CPU the bench measures are the app's alone (with two
 * cores, an in-process simulator would also steal the event loop the sync runs on). Prints one JSON line.
 */
const sim = await startSimulator({ port: 0, defaultAccounts: false });
process.stdout.write(`${JSON.stringify({ baseUrl: sim.baseUrl, env: sim.env })}\n`);

const stop = () => void sim.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
