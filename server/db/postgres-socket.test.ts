import { createServer, Socket, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectWithoutDelay } from "./postgres-socket";

let server: Server;
let port: number;
const accepted: Socket[] = [];
beforeAll(async () => {
  server = createServer((socket) => accepted.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** Node keeps a socket's TCP_NODELAY wish under this symbol (there is no public getter). */
function noDelay(socket: Socket): unknown {
  const key = Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === "kSetNoDelay");
  return key ? (socket as unknown as Record<symbol, unknown>)[key] : undefined;
}

describe("connectWithoutDelay", () => {
  it("connects with Nagle's algorithm off", async () => {
    const socket = await connectWithoutDelay({ host: ["127.0.0.1"], port: [port] });
    expect(noDelay(socket)).toBe(true);
    socket.destroy();
  });

  it("tries the hosts in order and uses the first that answers", async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const socket = await connectWithoutDelay({ host: ["127.0.0.1", "127.0.0.1"], port: [closed, port] });
    expect(socket.remotePort).toBe(port);
    socket.destroy();
    await expect(connectWithoutDelay({ host: ["127.0.0.1"], port: [closed] })).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});

describe("connectWithoutDelay's timeout", () => {
  it("gives up on a host that never answers within connect_timeout", async () => {
    // A socket that is never connected stands for a SYN nobody answers (a firewalled server).
    const silent = () => new Socket();
    await expect(
      connectWithoutDelay({ host: ["db.example"], port: [5432], connect_timeout: 0.2 }, silent),
    ).rejects.toThrow(/timed out after 200 ms/);
  });
});
