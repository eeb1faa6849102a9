import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class PgliteLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open in process ${pid}. ` +
        "PGlite cannot be shared between processes (writes would be lost): stop the other process " +
        "(next dev, next start, a script) or point PGLITE_DIR at another folder.",
    );
    this.name = "PgliteLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PGlite has no cross-process locking, so a pid file in its folder stands in for one. */
export function acquirePgliteLock(dir: string): () => void {
  const file = path.join(dir, "media-feed.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(file, "utf8") === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new PgliteLockedError(dir, owner);
      // A crashed process left its lock behind: take it over.
      unlinkSync(file);
    }
  }
  throw new Error(`Could not take the lock on the embedded database in ${dir}`);
}
