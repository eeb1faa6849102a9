import {
  LISTEN_STATUSES,
  listenStatusLabels,
  type LibraryStats,
  type ListenStatus,
} from "@/lib/validation/library";
import { formatCount, formatHours } from "../format";

export const statusColors = {
  want_to_listen: "var(--muted-foreground)",
  listening: "var(--primary)",
  finished: "var(--success)",
} as const satisfies Record<ListenStatus, string>;

/** One stacked bar for titles and one for hours, so the two shares can be compared at a glance. */
export function StatusChart({ byStatus }: { byStatus: LibraryStats["byStatus"] }) {
  const rows = [
    {
      label: "Titles",
      value: (status: ListenStatus) => byStatus.find((r) => r.status === status)?.titles ?? 0,
      format: formatCount,
    },
    {
      label: "Hours",
      value: (status: ListenStatus) => byStatus.find((r) => r.status === status)?.minutes ?? 0,
      format: formatHours,
    },
  ];
  return (
    <div className="space-y-5">
      {rows.map((row) => {
        const total = LISTEN_STATUSES.reduce((sum, status) => sum + row.value(status), 0);
        let offset = 0;
        return (
          <div key={row.label} className="space-y-2">
            <div className="flex justify-between text-sm">
              <span className="font-medium">{row.label}</span>
              <span className="text-muted-foreground tabular-nums">{row.format(total)}</span>
            </div>
            <svg
              viewBox="0 0 100 6"
              preserveAspectRatio="none"
              className="h-3 w-full overflow-hidden rounded-full"
              aria-hidden
            >
              <rect width="100" height="6" fill="var(--muted)" />
              {LISTEN_STATUSES.map((status) => {
                const width = total ? (row.value(status) / total) * 100 : 0;
                const x = offset;
                offset += width;
                return width ? (
                  <rect key={status} x={x} width={width} height="6" fill={statusColors[status]} />
                ) : null;
              })}
            </svg>
            <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted-foreground">
              {LISTEN_STATUSES.map((status) => (
                <li key={status} className="flex items-center gap-1.5">
                  <svg viewBox="0 0 10 10" className="size-2.5" aria-hidden>
                    <circle cx="5" cy="5" r="5" fill={statusColors[status]} />
                  </svg>
                  {listenStatusLabels[status]}:{" "}
                  <span className="tabular-nums text-foreground">{row.format(row.value(status))}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
