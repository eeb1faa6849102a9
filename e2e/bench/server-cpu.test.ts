import { describe, expect, it } from "vitest";
import { processCpuMs, serverCpuSince } from "./server-cpu";

describe("the bench's server CPU reading", () => {
  it("reads a process's CPU time from /proc, and it grows with work", () => {
    const before = processCpuMs(process.pid);
    expect(before).not.toBeNull();
    const started = process.cpuUsage();
    const used = () => process.cpuUsage(started);
    while (used().user + used().system < 100_000); // 100 ms of this process's CPU
    expect(processCpuMs(process.pid)! - before!).toBeGreaterThanOrEqual(50);
  });

  it("is null for a process that does not exist", () => {
    expect(processCpuMs(2 ** 22 + 1)).toBeNull();
  });

  it("counts a backend opened between the readings from zero and ignores one that closed", () => {
    const before = new Map([
      [10, 500],
      [11, 200],
    ]);
    const after = new Map([
      [10, 800],
      [12, 40],
    ]);
    expect(serverCpuSince(before, after)).toBe(300 + 40);
  });
});
