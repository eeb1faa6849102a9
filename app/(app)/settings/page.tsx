import type { Metadata } from "next";
import { ActivityList } from "@/components/account/activity-list";
import { DeleteAccount } from "@/components/account/delete-account";
import { StatusCard } from "@/components/audible/status-card";
import { PageHeader } from "@/components/layout/page-header";
import { SettingsSection } from "@/components/layout/settings-section";
import { Card, CardContent } from "@/components/ui/card";
import { formatDate, planLabels } from "@/lib/format";
import { HydrateClient, api } from "@/lib/trpc/server";
import { readBaseTemplates } from "@/server/audible/hosts";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const [me] = await Promise.all([
    api.account.me(),
    api.audible.status.prefetch(),
    api.account.activity.prefetch({ limit: 50 }),
  ]);
  return (
    <HydrateClient>
      <PageHeader title="Settings" description="Your account and connected services." />
      <div className="space-y-10">
        <SettingsSection id="account" title="Account">
          <Card>
            <CardContent className="pt-6">
              <dl className="grid gap-4 text-sm sm:grid-cols-3">
                <Detail label="Email" value={me.email} />
                <Detail label="Plan" value={planLabels[me.plan]} />
                <Detail label="Member since" value={formatDate(me.createdAt)} />
              </dl>
            </CardContent>
          </Card>
        </SettingsSection>
        <SettingsSection id="integrations" title="Integrations">
          <StatusCard templates={readBaseTemplates()} />
        </SettingsSection>
        <SettingsSection id="activity" title="Activity">
          <Card className="overflow-hidden">
            <ActivityList />
          </Card>
        </SettingsSection>
        <SettingsSection id="danger" title="Delete account">
          <Card>
            <CardContent className="flex flex-wrap items-center justify-between gap-4 pt-6">
              <p className="max-w-xl text-sm text-muted-foreground">
                Removes everything Media Feed keeps about you, and signs Media Feed out of your Audible
                account.
              </p>
              <DeleteAccount email={me.email} />
            </CardContent>
          </Card>
        </SettingsSection>
      </div>
    </HydrateClient>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div className="space-y-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="truncate font-medium">{value}</dd>
    </div>
  );
}
