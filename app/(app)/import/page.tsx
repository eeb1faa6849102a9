import { FileUp } from "lucide-react";
import type { Metadata } from "next";
import { AudibleImportOption } from "@/components/audible/import-option";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { readBaseTemplates } from "@/server/audible/hosts";
import { HydrateClient, api } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await api.audible.status.prefetch();
  return (
    <HydrateClient>
      <PageHeader title="Import" description="Bring your library into Media Feed." />
      <div className="grid items-start gap-4 md:grid-cols-2">
        {/* The browser cannot read server env, and the pasted address is checked against these hosts as it is typed. */}
        <AudibleImportOption templates={readBaseTemplates()} />
        <Card>
          <CardHeader className="flex-row items-start gap-4">
            <span className="grid size-10 shrink-0 place-items-center rounded-lg bg-accent text-primary">
              <FileUp className="size-5" aria-hidden />
            </span>
            <div className="space-y-1.5">
              <CardTitle>Export file</CardTitle>
              <CardDescription>
                Upload a library export from audible-cli or Libation (TSV, CSV or JSON).
              </CardDescription>
            </div>
          </CardHeader>
        </Card>
      </div>
    </HydrateClient>
  );
}
