/** Samples RSS on a timer; the peak is what the import cost on top of the idle process. */
export function sampleRss(everyMs = 50) {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** Idle RSS after a collection (when --expose-gc is on) and a short settle, as the median of a few reads. */
export async function idleRss(): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const reads: number[] = [];
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    reads.push(process.memoryUsage.rss());
  }
  return reads.sort((a, b) => a - b)[Math.floor(reads.length / 2)]!;
}
