import { BarChart3, BookOpen } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ExportMenu } from "@/components/library/export-menu";
import { FindOnAudible } from "@/components/library/find-on-audible";
import { LibraryView } from "@/components/library/library-view";
import { hasFilters, readLibraryUrl } from "@/components/library/url-state";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { HydrateClient, api } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Library" };

export default async function LibraryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const facets = await api.library.facets();
  const state = readLibraryUrl(await searchParams);
  // A search in the URL still gets its answer ("no titles match") so shared links behave the same for everyone.
  if (facets.totalTitles === 0 && !hasFilters(state.input)) {
    return (
      <>
        <PageHeader title="Library" description="Everything you listen to, read and watch." />
        <EmptyState
          icon={BookOpen}
          title="Your library is empty"
          action={
            <Button asChild>
              <Link href="/import">Import your library</Link>
            </Button>
          }
        >
          Connect your Audible account or upload an export from audible-cli or Libation, and your audiobooks
          show up here with their series, narrators and listening progress.
        </EmptyState>
      </>
    );
  }

  // The first page arrives with the HTML, so a reload or shared link shows titles without a spinner.
  void api.library.list.prefetchInfinite(state.input);
  return (
    <HydrateClient>
      <PageHeader
        title="Library"
        description="Everything you listen to, read and watch."
        actions={
          <div className="flex flex-wrap gap-2">
            <FindOnAudible />
            <ExportMenu />
            <Button asChild variant="secondary">
              <Link href="/library/stats">
                <BarChart3 aria-hidden />
                Stats
              </Link>
            </Button>
          </div>
        }
      />
      <Suspense>
        <LibraryView facets={facets} />
      </Suspense>
    </HydrateClient>
  );
}
