import Link from "next/link";
import type { LibraryStats } from "@/lib/validation/library";
import { formatCount, formatHours } from "../format";

type Ranked = LibraryStats["topAuthorsByTitles"];

export function RankList({
  rows,
  by,
  hrefFor,
}: {
  rows: Ranked;
  by: "titles" | "minutes";
  hrefFor?: (name: string) => string;
}) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">Nothing yet.</p>;
  const max = Math.max(...rows.map((row) => row[by]), 1);
  return (
    <ol className="space-y-2.5">
      {rows.map((row) => (
        <li key={row.name} className="space-y-1">
          <div className="flex justify-between gap-3 text-sm">
            {hrefFor ? (
              <Link href={hrefFor(row.name)} className="truncate hover:underline">
                {row.name}
              </Link>
            ) : (
              <span className="truncate">{row.name}</span>
            )}
            <span className="shrink-0 text-muted-foreground tabular-nums">
              {by === "titles"
                ? `${formatCount(row.titles)} ${row.titles === 1 ? "title" : "titles"}`
                : formatHours(row.minutes)}
            </span>
          </div>
          <svg viewBox="0 0 100 4" preserveAspectRatio="none" className="h-1.5 w-full" aria-hidden>
            <rect width="100" height="4" rx="2" fill="var(--muted)" />
            <rect width={(row[by] / max) * 100} height="4" rx="2" fill="var(--primary)" />
          </svg>
        </li>
      ))}
    </ol>
  );
}
