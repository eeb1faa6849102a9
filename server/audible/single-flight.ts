/**
 * Joins concurrent calls for the same key onto one promise. Used for token refresh so ten parallel
 * library pages with an expired token cause one refresh, not ten (DESIGN: "single-flight per account").
 * Per process only; several instances may each refresh once, which Amazon tolerates (no rotation).
 */
export function createSingleFlight<V>() {
  const inFlight = new Map<string, Promise<V>>();
  return {
    run(key: string, task: () => Promise<V>): Promise<V> {
      const running = inFlight.get(key);
      if (running) return running;
      const promise = task().finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
    get size() {
      return inFlight.size;
    },
  };
}
