import { connect, type Socket } from "node:net";

type SocketOptions = { host: string[]; port: number[]; path?: string | false };

/**
 * The socket postgres.js connects through, with Nagle's algorithm off. postgres.js leaves it on, so a small
 * message written while earlier data was unacknowledged (the end of a bulk write's COPY, the statement
 * after it) waited for the server's delayed ACK, ~40 ms each: a 1,000-title page took 130 ms to write
 * instead of 60. Hosts are tried in the order given, as postgres.js would.
 */
export async function connectWithoutDelay(options: SocketOptions): Promise<Socket> {
  if (options.path) return open({ path: options.path });
  let failure: unknown = new Error("no Postgres host to connect to");
  for (let i = 0; i < options.host.length; i++) {
    try {
      return await open({ host: options.host[i]!, port: options.port[i] ?? options.port[0]!, noDelay: true });
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

function open(target: { path: string } | { host: string; port: number; noDelay: true }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(target);
    socket.once("connect", () => {
      socket.off("error", reject);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}
