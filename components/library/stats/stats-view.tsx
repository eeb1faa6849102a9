import { BarChart3 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { LibraryStats } from "@/lib/validation/library";
import { formatCount, formatHours } from "../format";
import { libraryHref } from "../url-state";
import { MonthChart } from "./month-chart";
import { RankList } from "./rank-list";
import { StatusChart } from "./status-chart";

const authorHref = (author: string) => libraryHref({ view: "grid", input: { author } });

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card className="p-5">
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {hint ? <p className="mt-1 text-xs text-muted-foreground">{hint}</p> : null}
    </Card>
  );
}

function ChartCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function StatsView({ stats }: { stats: LibraryStats }) {
  if (stats.totalTitles === 0) {
    return (
      <EmptyState
        icon={BarChart3}
        title="No stats yet"
        action={
          <Button asChild>
            <Link href="/import">Import your library</Link>
          </Button>
        }
      >
        Once your library is imported, this page shows what you have finished month by month, your
        most-listened authors and narrators, and how many hours are left in what you are listening to.
      </EmptyState>
    );
  }
  const finished = stats.finishedByMonth.reduce((sum, month) => sum + month.titles, 0);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Figure
          label="Titles"
          value={formatCount(stats.totalTitles)}
          hint={`${formatHours(stats.totalMinutes)} of listening`}
        />
        <Figure label="Finished in the last two years" value={formatCount(finished)} />
        <Figure
          label="Hours left in progress"
          value={formatHours(stats.inProgress.minutesLeft)}
          hint={`across ${formatCount(stats.inProgress.titles)} ${stats.inProgress.titles === 1 ? "title" : "titles"} you are listening to`}
        />
      </div>
      <ChartCard title="Finished per month" description="The last 24 months">
        <MonthChart months={stats.finishedByMonth} />
      </ChartCard>
      <ChartCard title="By status">
        <StatusChart byStatus={stats.byStatus} />
      </ChartCard>
      <div className="grid gap-6 md:grid-cols-2">
        <ChartCard title="Top authors" description="By number of titles">
          <RankList rows={stats.topAuthorsByTitles} by="titles" hrefFor={authorHref} />
        </ChartCard>
        <ChartCard title="Top authors by hours">
          <RankList rows={stats.topAuthorsByHours} by="minutes" hrefFor={authorHref} />
        </ChartCard>
        <ChartCard title="Top narrators" description="By number of titles">
          <RankList rows={stats.topNarratorsByTitles} by="titles" />
        </ChartCard>
        <ChartCard title="Top narrators by hours">
          <RankList rows={stats.topNarratorsByHours} by="minutes" />
        </ChartCard>
      </div>
    </div>
  );
}
