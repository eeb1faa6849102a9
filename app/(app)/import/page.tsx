import { FileUp, Headphones } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Import" };

const sources = [
  {
    icon: Headphones,
    title: "Audible",
    description: "Connect your Audible account once and keep your whole library in sync, progress included.",
  },
  {
    icon: FileUp,
    title: "Export file",
    description: "Upload a library export from audible-cli or Libation (TSV, CSV or JSON).",
  },
] as const;

export default function ImportPage() {
  return (
    <>
      <PageHeader title="Import" description="Bring your library into Media Feed." />
      <div className="grid gap-4 md:grid-cols-2">
        {sources.map(({ icon: Icon, title, description }) => (
          <Card key={title}>
            <CardHeader className="flex-row items-start gap-4">
              <span className="grid size-10 shrink-0 place-items-center rounded-lg bg-accent text-primary">
                <Icon className="size-5" aria-hidden />
              </span>
              <div className="space-y-1.5">
                <CardTitle>{title}</CardTitle>
                <CardDescription>{description}</CardDescription>
              </div>
            </CardHeader>
          </Card>
        ))}
      </div>
    </>
  );
}
