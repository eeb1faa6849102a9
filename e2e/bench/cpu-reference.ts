/**
 * A fixed single-threaded workload, timed. On the shared two-core machines this runs on, the very same
 * loop took 340 ms and 590 ms an hour apart, and the import's own CPU time moved with it: figures from
 * two runs compare only when their references are close.
 */
export function cpuReferenceMs(): number {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < 200_000_000; i++) sum = (sum + (i % 7)) | 0;
    if (sum === 42) console.log(""); // keeps the loop from being optimised away
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}
