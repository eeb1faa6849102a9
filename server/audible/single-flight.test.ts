import { describe, expect, it } from "vitest";
import { createSingleFlight } from "./single-flight";

describe("createSingleFlight", () => {
  it("runs one task per key at a time and forgets it when settled", async () => {
    const flight = createSingleFlight<string>();
    let calls = 0;
    let release: (value: string) => void = () => undefined;
    const task = () => {
      calls += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const results = Promise.all(Array.from({ length: 10 }, () => flight.run("account-1", task)));
    const other = flight.run("account-2", async () => "other");
    release("token");
    expect(await results).toEqual(Array(10).fill("token"));
    expect(await other).toBe("other");
    expect(calls).toBe(1);
    expect(flight.size).toBe(0);
    await expect(flight.run("account-1", () => Promise.reject(new Error("refused")))).rejects.toThrow(
      "refused",
    );
    expect(flight.size).toBe(0);
  });
});
