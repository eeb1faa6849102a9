import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { StatsView } from "@/components/library/stats/stats-view";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Library stats" };

export default async function LibraryStatsPage() {
  const stats = await api.library.stats();
  return (
    <>
      <PageHeader
        title="Stats"
        description="What you have, what you finished and what is left."
        actions={
          <Button asChild variant="secondary">
            <Link href="/library">
              <ArrowLeft aria-hidden />
              Library
            </Link>
          </Button>
        }
      />
      <StatsView stats={stats} />
    </>
  );
}
