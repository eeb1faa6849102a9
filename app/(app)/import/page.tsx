import type { Metadata } from "next";
import { AudibleImportOption } from "@/components/audible/import-option";
import { FileImport } from "@/components/import/file-import";
import { PageHeader } from "@/components/layout/page-header";
import { readBaseTemplates } from "@/server/audible/hosts";
import { HydrateClient, api } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await api.audible.status.prefetch();
  return (
    <HydrateClient>
      <PageHeader title="Import" description="Bring your library into Media Feed." />
      <div className="grid gap-4">
        {/* The browser cannot read server env, and the pasted address is checked against these hosts as it is typed. */}
        <AudibleImportOption templates={readBaseTemplates()} />
        <FileImport />
      </div>
    </HydrateClient>
  );
}
