import { describe, expect, it, vi } from "vitest";
import type { Db } from "./client";
import { prepared } from "./prepared";

const statement = () => ({ execute: async () => [] });

describe("prepared", () => {
  it("builds a statement once per database and key", () => {
    const db = {} as Db;
    const build = vi.fn(statement);
    const first = prepared(db, "a", build);
    expect(prepared(db, "a", build)).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
    expect(build).toHaveBeenCalledWith("a");
    expect(prepared({} as Db, "a", build)).not.toBe(first);
    expect(prepared(db, "b", build)).not.toBe(first);
  });

  it("keeps at most a thousand shapes per database, dropping the oldest", () => {
    const db = {} as Db;
    const first = prepared(db, "shape-0", statement);
    for (let index = 1; index <= 1_000; index += 1) prepared(db, `shape-${index}`, statement);
    const build = vi.fn(statement);
    expect(prepared(db, "shape-1000", build)).not.toBe(first);
    expect(build).not.toHaveBeenCalled();
    expect(prepared(db, "shape-0", build)).not.toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
  });
});
