import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./server";
import { connect, type Credentials } from "./test-flow";

let sim: Simulator;
let creds: Credentials;

beforeAll(async () => {
  sim = await startSimulator({
    defaultAccounts: false,
    accounts: [{ email: "f@example.com", password: "pw", library: { seed: "faults", size: 300 } }],
  });
  creds = await connect(sim.baseUrl, { email: "f@example.com", password: "pw" });
});
afterEach(() => sim.control.clearFaults());
afterAll(() => sim.close());

const library = (
  query = "num_results=10&response_groups=contributors,product_desc",
  init: RequestInit = {},
) =>
  fetch(`${sim.baseUrl}/api.audible.com/1.0/library?${query}`, {
    ...init,
    headers: { "x-amz-access-token": creds.accessToken },
  });

describe("injected faults", () => {
  it("latency delays the answer", async () => {
    await sim.control.addFault({ route: "library", kind: "latency", latencyMs: 300 });
    const started = Date.now();
    expect((await library()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("429 with and without Retry-After, once each", async () => {
    await sim.control.addFault({ route: "library", kind: "rate-limit", retryAfter: 7 });
    await sim.control.addFault({ route: "library", kind: "rate-limit" });
    const first = await library();
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("7");
    const second = await library();
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBeNull();
    expect((await library()).status).toBe(200);
  });

  it("500 Whoops JSON", async () => {
    await sim.control.addFault({ route: "library", kind: "server-error" });
    const response = await library();
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Whoops! Looks like something went wrong." });
  });

  it("Amazon's HTML 503 page instead of JSON", async () => {
    await sim.control.addFault({ route: "register", kind: "html-503" });
    const response = await fetch(`${sim.baseUrl}/api.amazon.com/auth/register`, {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("Website Temporarily Unavailable");
  });

  it("a hang never answers", async () => {
    await sim.control.addFault({ route: "library", kind: "hang" });
    await expect(library(undefined, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await library()).status).toBe(200);
  });

  it("truncated JSON keeps a 200 but does not parse", async () => {
    await sim.control.addFault({ route: "library", kind: "truncated-json" });
    const response = await library();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it("first library call returns items without title or authors, the next one is whole", async () => {
    await sim.control.addFault({ route: "library", kind: "titleless-items" });
    const first = (await (await library()).json()) as { items: Record<string, unknown>[] };
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.items.every((i) => !("title" in i) && !("authors" in i))).toBe(true);
    const second = (await (await library()).json()) as { items: Record<string, unknown>[] };
    expect(second.items.every((i) => typeof i.title === "string")).toBe(true);
  });

  it("items: null on deep pages only", async () => {
    await sim.control.addFault({ route: "library", kind: "null-items", fromPage: 3, persistent: true });
    const shallow = (await (await library("num_results=10&page=2")).json()) as { items: unknown };
    expect(Array.isArray(shallow.items)).toBe(true);
    const deep = await library("num_results=10&page=3");
    expect(deep.headers.get("total-count")).not.toBeNull();
    expect(((await deep.json()) as { items: unknown }).items).toBeNull();
  });

  it("faults and counts are readable back", async () => {
    await sim.control.clearCalls();
    await sim.control.addFault({ route: "token", kind: "server-error", times: 2 });
    expect((await sim.control.faults())[0]?.remaining).toBe(2);
    await library();
    await library();
    expect(await sim.control.counts()).toEqual({ library: 2 });
    expect((await sim.control.calls("library"))[0]?.auth).toBe("x-amz-access-token");
  });
});
