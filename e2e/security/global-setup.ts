import { startProductionServer, stopServer } from "./server";

export default async function setup() {
  const server = await startProductionServer();
  return () => stopServer(server);
}
