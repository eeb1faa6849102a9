import type { LibraryStats } from "@/lib/validation/library";

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 32 };
const monthName = new Intl.DateTimeFormat("en", { month: "short", timeZone: "UTC" });

/** Whole-number ticks that reach the tallest bar: 0…max in at most four steps. */
function ticksFor(max: number): number[] {
  const top = Math.max(1, max);
  const step = Math.max(1, Math.ceil(top / 4));
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, index) => index * step);
}

export function MonthChart({ months }: { months: LibraryStats["finishedByMonth"] }) {
  const ticks = ticksFor(Math.max(...months.map((month) => month.titles)));
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / months.length;
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const total = months.reduce((sum, month) => sum + month.titles, 0);

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Titles finished per month over the last two years: ${total} in all`}
      className="h-auto w-full"
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="var(--border)" />
          <text
            x={PAD.left - 6}
            y={y(tick)}
            dy="0.32em"
            textAnchor="end"
            fontSize="11"
            fill="var(--muted-foreground)"
          >
            {tick}
          </text>
        </g>
      ))}
      {months.map((month, index) => {
        const date = new Date(`${month.month}-01T00:00:00Z`);
        const x = PAD.left + index * slot;
        const label = monthName.format(date);
        const showLabel = date.getUTCMonth() % 3 === 0;
        return (
          <g key={month.month}>
            <title>{`${label} ${date.getUTCFullYear()}: ${month.titles} finished`}</title>
            {month.titles > 0 ? (
              <rect
                x={x + slot * 0.18}
                y={y(month.titles)}
                width={slot * 0.64}
                height={y(0) - y(month.titles)}
                rx={2}
                fill="var(--primary)"
              />
            ) : null}
            {showLabel ? (
              <text
                x={x + slot / 2}
                y={HEIGHT - 8}
                textAnchor="middle"
                fontSize="11"
                fill="var(--muted-foreground)"
              >
                {date.getUTCMonth() === 0 ? `${label} ${String(date.getUTCFullYear()).slice(2)}` : label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
