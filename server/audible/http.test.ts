import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AudibleError } from "./errors";
import { createAudibleHttp, parseJsonBody, type AudibleHttp } from "./http";

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(handler: Handler): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    handler(req, res, hits);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  // Runs first (cleanups are LIFO) so close() does not wait for hanging test connections.
  cleanups.push(async () => void server.closeAllConnections());
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits };
}

function client(delays: number[], config = {}): AudibleHttp {
  const http = createAudibleHttp(config, {
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    now: () => Date.parse("2026-01-01T00:00:00Z"),
  });
  cleanups.push(() => http.close());
  return http;
}

const reply = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
};

describe("audible http", () => {
  it("tells the caller each attempt's status and headers before its body has arrived", async () => {
    // The body is finished only once the client has been told of the headers: no call, no body.
    let headersSeen = () => {};
    const told = new Promise<void>((resolve) => (headersSeen = resolve));
    const server = await serve((_req, res, hit) => {
      if (hit === 1) return reply(res, 503, "{}");
      res.writeHead(200, { "content-type": "application/json", "total-count": "7" });
      res.write('{"items":');
      void told.then(() => res.end("[]}"));
    });
    const events: string[] = [];
    const res = await client([]).send({
      method: "GET",
      url: `${server.url}/1.0/library`,
      onHeaders: (status, headers) => {
        events.push(`headers ${status} ${headers["total-count"] ?? "-"}`);
        if (status === 200) headersSeen();
      },
    });
    events.push(`body ${res.body}`);
    expect(events).toEqual(["headers 503 -", "headers 200 7", 'body {"items":[]}']);
  });

  it("gives the body as received bytes and as text, split multi-byte characters and all", async () => {
    const body = JSON.stringify({ title: "Ünïcödé 日本語 🎧 ".repeat(20_000) });
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      // Halves that cut a multi-byte character: the text must be decoded from the whole body.
      const bytes = Buffer.from(body);
      const cut = bytes.indexOf(Buffer.from("Ü")) + 1;
      res.write(bytes.subarray(0, cut));
      res.end(bytes.subarray(cut));
    });
    const res = await client([]).send({ method: "GET", url: `${server.url}/1.0/library` });
    expect(Buffer.from(res.bytes!).equals(Buffer.from(body))).toBe(true);
    expect(res.body).toBe(body);
  });

  it("honours Retry-After in seconds on 429 and then succeeds", async () => {
    const server = await serve((_req, res, hit) =>
      hit === 1 ? reply(res, 429, "{}", { "retry-after": "3" }) : reply(res, 200, '{"ok":true}'),
    );
    const delays: number[] = [];
    const res = await client(delays).send({ method: "GET", url: `${server.url}/1.0/library` });
    expect(res.status).toBe(200);
    expect(parseJsonBody(res, z.object({ ok: z.boolean() }))).toEqual({ ok: true });
    expect(delays).toEqual([3000]);
  });

  it("honours Retry-After as an HTTP date", async () => {
    const server = await serve((_req, res, hit) =>
      hit === 1
        ? reply(res, 429, "{}", { "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" })
        : reply(res, 200, "{}"),
    );
    const delays: number[] = [];
    await client(delays).send({ method: "GET", url: server.url });
    expect(delays).toEqual([5000]);
  });

  it("retries 503 with jittered backoff and then succeeds", async () => {
    const server = await serve((_req, res, hit) =>
      hit < 3 ? reply(res, 503, "<html>down</html>") : reply(res, 200, "{}"),
    );
    const delays: number[] = [];
    const res = await client(delays).send({ method: "GET", url: server.url });
    expect(res.status).toBe(200);
    expect(server.hits()).toBe(3);
    expect(delays).toEqual([375, 750]);
  });

  it("gives up after the bounded retries with a typed error", async () => {
    const server = await serve((_req, res) => reply(res, 429, "{}", { "retry-after": "1" }));
    const error = await client([], { maxRetries: 2 })
      .send({ method: "GET", url: server.url })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudibleError);
    expect((error as AudibleError).code).toBe("AUDIBLE_RATE_LIMITED");
    expect((error as AudibleError).retryAfterSeconds).toBe(1);
    expect(server.hits()).toBe(3);
  });

  it("does not wait out a Retry-After beyond the cap", async () => {
    const server = await serve((_req, res) => reply(res, 429, "{}", { "retry-after": "3600" }));
    const delays: number[] = [];
    const error = await client(delays)
      .send({ method: "GET", url: server.url })
      .catch((e: unknown) => e);
    expect((error as AudibleError).code).toBe("AUDIBLE_RATE_LIMITED");
    expect((error as AudibleError).retryAfterSeconds).toBe(3600);
    expect(server.hits()).toBe(1);
    expect(delays).toEqual([]);
  });

  it("never retries a non-idempotent POST", async () => {
    const server = await serve((_req, res) => reply(res, 503, '{"message":"secret upstream text"}'));
    const error = await client([])
      .send({ method: "POST", url: server.url, body: "{}" })
      .catch((e: unknown) => e);
    expect((error as AudibleError).code).toBe("AUDIBLE_UNAVAILABLE");
    expect((error as AudibleError).message).not.toContain("secret");
    expect(server.hits()).toBe(1);
  });

  it("turns a response that never comes into AUDIBLE_UNAVAILABLE", async () => {
    const server = await serve(() => undefined);
    const error = await client([], { totalTimeoutMs: 200, maxRetries: 1 })
      .send({ method: "GET", url: server.url })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudibleError);
    expect((error as AudibleError).code).toBe("AUDIBLE_UNAVAILABLE");
    expect((error as AudibleError).reason).toBe("timeout");
    expect(server.hits()).toBe(2);
  });

  it("stops reading a body past the size limit, as AUDIBLE_UNAVAILABLE (too-large)", async () => {
    let sent = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      // Written in pieces, without an end: the client must give up on its own once past the limit.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const more = () => {
        if (res.destroyed || sent > 4_000_000) return;
        sent += chunk.length;
        if (res.write(chunk)) setImmediate(more);
        else res.once("drain", more);
      };
      more();
    });
    const error = await client([], { maxResponseBytes: 200_000, maxRetries: 0 })
      .send({ method: "GET", url: server.url })
      .catch((e: unknown) => e);
    expect((error as AudibleError).code).toBe("AUDIBLE_UNAVAILABLE");
    expect((error as AudibleError).reason).toBe("too-large");
    expect(sent).toBeLessThan(4_000_000);
  });

  it("takes a connection dropped halfway through a body for a network failure, and tries again", async () => {
    const server = await serve((_req, res, hit) => {
      if (hit > 1) return reply(res, 200, '{"items":[]}');
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"items":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const delays: number[] = [];
    const res = await client(delays, { maxRetries: 1 }).send({ method: "GET", url: server.url });
    expect(res.body).toBe('{"items":[]}');
    expect(server.hits()).toBe(2);
    const broken = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"items":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await client([], { maxRetries: 0 })
      .send({ method: "GET", url: broken.url })
      .catch((e: unknown) => e);
    expect((error as AudibleError).code).toBe("AUDIBLE_UNAVAILABLE");
    expect((error as AudibleError).reason).toBe("network");
  });

  it("gives up on a body that stops arriving halfway, as a timeout", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"items":[');
    });
    const error = await client([], { totalTimeoutMs: 200, maxRetries: 0 })
      .send({ method: "GET", url: server.url })
      .catch((e: unknown) => e);
    expect((error as AudibleError).code).toBe("AUDIBLE_UNAVAILABLE");
    expect((error as AudibleError).reason).toBe("timeout");
  });

  it("maps refused connections and HTML bodies to AUDIBLE_UNAVAILABLE", async () => {
    const refused = await client([], { maxRetries: 0 })
      .send({ method: "GET", url: "http://127.0.0.1:1/" })
      .catch((e: unknown) => e);
    expect((refused as AudibleError).code).toBe("AUDIBLE_UNAVAILABLE");
    const html = { status: 200, headers: {}, body: "<html>Website Temporarily Unavailable</html>" };
    expect(() => parseJsonBody(html, z.object({}))).toThrow(AudibleError);
  });

  it("passes through other statuses for the caller to classify", async () => {
    const server = await serve((_req, res) =>
      reply(res, 403, '{"message":"Request could not be authenticated"}'),
    );
    const res = await client([]).send({ method: "GET", url: server.url });
    expect(res.status).toBe(403);
    expect(res.headers["content-type"]).toBe("application/json");
  });
});
