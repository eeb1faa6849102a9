import type { Metadata } from "next";
import { CallbackView, type CallbackInput } from "@/components/audible/callback-view";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { readBaseTemplates } from "@/server/audible/hosts";

export const metadata: Metadata = { title: "Connecting Audible", referrer: "no-referrer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function toInput(params: Record<string, string | string[] | undefined>): CallbackInput {
  const url = first(params.url);
  const code = first(params.code);
  const state = first(params.state);
  if (code && state) return { kind: "redirect", code, state };
  if (url) return { kind: "bookmarklet", url };
  return { kind: "none" };
}

export default async function AudibleCallbackPage({ searchParams }: { searchParams: SearchParams }) {
  const input = toInput(await searchParams);
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader title="Connecting Audible" description="Finishing the sign-in you started on Amazon." />
      <Card>
        <CardContent className="pt-6">
          <CallbackView input={input} templates={readBaseTemplates()} />
        </CardContent>
      </Card>
    </div>
  );
}
