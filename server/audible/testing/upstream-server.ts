import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
};
export type CannedResponse = { status: number; body: string; headers?: Record<string, string> };

/**
 * A throwaway node:http server for unit tests: records every request and answers from a handler.
 * Base URLs pointing at it carry a path prefix, like the simulator's, to prove the client strips nothing wrong.
 */
export async function startUpstream(handler: (req: RecordedRequest) => CannedResponse) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const answer = handler(recorded);
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    templates: {
      wwwBase: `${origin}/www.amazon.{tld}`,
      amazonApiBase: `${origin}/api.amazon.{tld}`,
      audibleApiBase: `${origin}/api.audible.{tld}`,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
