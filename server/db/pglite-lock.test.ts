import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquirePgliteLock, PgliteLockedError } from "./pglite-lock";

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill()));

const tempDir = () => mkdtempSync(path.join(tmpdir(), "mf-lock-"));

describe("acquirePgliteLock", () => {
  it("refuses a folder another live process holds, naming that process", () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    children.push(other);
    writeFileSync(path.join(dir, "media-feed.lock"), String(other.pid));
    expect(() => acquirePgliteLock(dir)).toThrow(PgliteLockedError);
    expect(() => acquirePgliteLock(dir)).toThrow(new RegExp(`process ${other.pid}`));
  });

  it("takes over a lock left by a process that is gone", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "media-feed.lock"), "999999999");
    const release = acquirePgliteLock(dir);
    expect(readFileSync(path.join(dir, "media-feed.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, "media-feed.lock"))).toBe(false);
  });
});
