import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { metrics } from "@/server/metrics";
import { createAudibleHttp, endpointLabel } from "./http";

describe("Audible call durations", () => {
  it("label calls by protocol path, without hosts, prefixes, queries or ASINs", () => {
    expect(endpointLabel("https://api.audible.com/1.0/library?num_results=1000")).toBe("/1.0/library");
    expect(endpointLabel("http://127.0.0.1:4010/api.audible.co.uk/1.0/library/B0CTXKB2R6")).toBe(
      "/1.0/library/:asin",
    );
    expect(endpointLabel("https://api.amazon.de/auth/register")).toBe("/auth/register");
  });

  it("record every call in the histogram with its status", async () => {
    const server = createServer((_, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const http = createAudibleHttp();
    try {
      const { port } = server.address() as AddressInfo;
      await http.send({
        method: "GET",
        url: `http://127.0.0.1:${port}/api.audible.com/1.0/stats/status/finished`,
      });
      const text = await metrics.registry.metrics();
      expect(text).toMatch(
        /audible_api_response_time_seconds_count\{endpoint="\/1\.0\/stats\/status\/finished",status="204"\} [1-9]/,
      );
    } finally {
      await http.close();
      server.close();
    }
  });
});
