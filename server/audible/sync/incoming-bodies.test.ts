import { afterEach, describe, expect, it, vi } from "vitest";
import { IncomingBodies } from "./incoming-bodies";

const settledState = (promise: Promise<void>) => {
  let settled = false;
  void promise.then(() => (settled = true));
  return () => settled;
};

describe("IncomingBodies", () => {
  afterEach(() => vi.useRealTimers());

  it("lets the writer on after one event-loop turn when no body is arriving", async () => {
    const bodies = new IncomingBodies();
    const order: string[] = [];
    setImmediate(() => order.push("io"));
    await bodies.settled();
    order.push("writer");
    expect(order).toEqual(["io", "writer"]);
  });

  it("holds the writer until the bodies in transfer are in", async () => {
    const bodies = new IncomingBodies();
    const first = bodies.started();
    const second = bodies.started();
    const isSettled = settledState(bodies.settled());
    await new Promise((resolve) => setImmediate(resolve));
    first();
    first(); // a second call for the same body changes nothing
    await new Promise((resolve) => setImmediate(resolve));
    expect(isSettled()).toBe(false);
    second();
    await new Promise((resolve) => setImmediate(resolve));
    expect(isSettled()).toBe(true);
  });

  it("holds the writer no longer than a few milliseconds for a body that trickles in", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const bodies = new IncomingBodies();
    bodies.started();
    const isSettled = settledState(bodies.settled());
    await new Promise((resolve) => setImmediate(resolve));
    expect(isSettled()).toBe(false);
    await vi.advanceTimersByTimeAsync(15);
    expect(isSettled()).toBe(true);
  });
});
