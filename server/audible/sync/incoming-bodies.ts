import { nextMacrotask } from "./next-macrotask";

/**
 * How long the writer holds back for a body still arriving. A 3.4 MB page lands in a few milliseconds
 * once the thread is free; a slow link would take longer, and there the socket's buffer, not this
 * thread, is what limits it, so the writer goes on.
 */
const MAX_HOLD_MS = 15;

/**
 * Library page bodies whose headers are in and whose bytes are still arriving. The embedded database
 * runs each statement on this thread for tens of milliseconds, and between statements a socket gives up
 * only what its kernel buffer holds: a 3.4 MB page then took over a second to come in while its
 * round's latency had long passed (embedded, 500 ms a page). The writer asks `settled()` between
 * statements, so bodies are read in whole first and can be mapped on the mapper thread while it writes.
 * (Only there: on Postgres the thread is free during a statement, and holding the writer cost ~10% at 0 ms.)
 */
export class IncomingBodies {
  private arriving = 0;
  private waiters: (() => void)[] = [];

  /** Counts a body from its headers until it is in (or failed); `done` must be called once. */
  started(): () => void {
    this.arriving += 1;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.arriving -= 1;
      if (this.arriving === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** After one turn of the event loop, and then once no body is mid-transfer or MAX_HOLD_MS have passed. */
  async settled(): Promise<void> {
    await nextMacrotask();
    if (this.arriving === 0) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        resolve();
      }, MAX_HOLD_MS);
      this.waiters.push(wake);
    });
  }
}
