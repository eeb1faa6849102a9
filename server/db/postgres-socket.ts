import { connect, type NetConnectOpts, type Socket } from "node:net";

/** The parts of postgres.js's parsed options it hands a socket factory that a connection needs. */
type SocketOptions = { host: string[]; port: number[]; path?: string | false; connect_timeout?: number };

/**
 * The socket postgres.js connects through, with Nagle's algorithm off. postgres.js leaves it on, so a small
 * message written while earlier data was unacknowledged (the end of a bulk write's COPY, the statement
 * after it) waited for the server's delayed ACK, ~40 ms each: a 1,000-title page took 130 ms to write
 * instead of 60. Hosts are tried in the order given, as postgres.js would, each within its connect_timeout
 * (postgres.js starts its own timer only once the factory has answered).
 */
export async function connectWithoutDelay(
  options: SocketOptions,
  dial: (target: NetConnectOpts) => Socket = connect,
): Promise<Socket> {
  const timeoutMs = (options.connect_timeout ?? 30) * 1000;
  if (options.path) return open(dial, { path: options.path }, timeoutMs);
  let failure: unknown = new Error("no Postgres host to connect to");
  for (let i = 0; i < options.host.length; i++) {
    try {
      const port = options.port[i] ?? options.port[0]!;
      return await open(dial, { host: options.host[i]!, port, noDelay: true }, timeoutMs);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

function open(
  dial: (target: NetConnectOpts) => Socket,
  target: NetConnectOpts,
  timeoutMs: number,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = dial(target);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connecting to Postgres timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.off("error", fail);
      resolve(socket);
    });
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    socket.once("error", fail);
  });
}
