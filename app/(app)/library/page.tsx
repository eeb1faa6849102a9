import { BookOpen } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Library" };

export default function LibraryPage() {
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
