import type { CaseResult } from "./import-case";

const MB = 1024 * 1024;
export const TARGETS = {
  ratioAt500: 1.25,
  postgresTitlesPerSecond: 10_000,
  embeddedTitlesPerSecond: 3_000,
  deltaMs: 300,
  memoryGrowthMb: 300,
} as const satisfies Record<string, number>;

export function lowerBoundMs(result: CaseResult): number {
  return Math.ceil(result.pages / result.pagesInFlight) * result.latencyMs;
}

const titlesPerSecond = (result: CaseResult) => result.titles / (result.importMs / 1000);
const growthMb = (result: CaseResult) => (result.peakRss - result.baselineRss) / MB;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export function figuresTable(results: CaseResult[]): string {
  const header = [
    "case",
    "titles",
    "wall ms",
    "cpu ms",
    "db cpu ms",
    "titles/s",
    "bound ms",
    "ratio",
    "idle MB",
    "peak MB",
    "growth MB",
    "delta ms",
    "delta rows",
    "load",
  ];
  return table([
    header,
    ...results.map((r) => {
      const bound = lowerBoundMs(r);
      return [
        `${r.db} @ ${r.latencyMs} ms`,
        String(r.titles),
        r.importMs.toFixed(0),
        r.importCpuMs.toFixed(0),
        r.serverCpuMs === null ? "-" : r.serverCpuMs.toFixed(0),
        titlesPerSecond(r).toFixed(0),
        bound ? String(bound) : "-",
        bound ? (r.importMs / bound).toFixed(2) : "-",
        (r.baselineRss / MB).toFixed(0),
        (r.peakRss / MB).toFixed(0),
        growthMb(r).toFixed(0),
        r.deltaMs.toFixed(0),
        String(r.deltaRowsWritten),
        r.loadAverage.toFixed(1),
      ];
    }),
  ]);
}

/** One verdict line per target and case it applies to. */
export function verdicts(results: CaseResult[]): string[] {
  const lines: string[] = [];
  const verdict = (ok: boolean, text: string) => lines.push(`${ok ? "PASS" : "MISS"}  ${text}`);
  for (const r of results) {
    const name = `${r.db} @ ${r.latencyMs} ms`;
    if (r.latencyMs === 500) {
      const ratio = r.importMs / lowerBoundMs(r);
      verdict(ratio <= TARGETS.ratioAt500, `${name}: ratio ${ratio.toFixed(2)} ≤ ${TARGETS.ratioAt500}`);
    }
    if (r.latencyMs === 0) {
      const floor = r.db === "postgres" ? TARGETS.postgresTitlesPerSecond : TARGETS.embeddedTitlesPerSecond;
      const rate = titlesPerSecond(r);
      verdict(rate >= floor, `${name}: ${rate.toFixed(0)} titles/s ≥ ${floor}`);
    }
    verdict(
      r.deltaMs <= TARGETS.deltaMs && r.deltaRowsWritten === 0,
      `${name}: unchanged delta ${r.deltaMs.toFixed(0)} ms ≤ ${TARGETS.deltaMs} ms, ${r.deltaRowsWritten} rows written (must be 0)`,
    );
    verdict(
      growthMb(r) <= TARGETS.memoryGrowthMb,
      `${name}: memory growth ${growthMb(r).toFixed(0)} MB ≤ ${TARGETS.memoryGrowthMb} MB`,
    );
    if (!r.runStatus.endsWith("succeeded") || !r.deltaStatus.endsWith("succeeded"))
      verdict(false, `${name}: runs ${r.runStatus} / ${r.deltaStatus}`);
  }
  return lines;
}
