/**
 * Resolves after the event loop has had a turn: I/O that arrived meanwhile (library page bodies, their
 * headers) is taken in before the caller goes on with work that holds the thread.
 */
export const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));
