import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SyncRunView } from "@/lib/validation/audible";

export function ImportResult({ run, onAnother }: { run: SyncRunView; onAnother: () => void }) {
  const failed = run.status === "failed";
  return (
    <div className="space-y-4">
      <Alert tone={failed ? "error" : "success"}>
        <p className="font-medium">{failed ? "The import stopped" : "Import finished"}</p>
        <p>
          {run.added} added, {run.updated} updated, {run.unchanged} unchanged
          {run.failed > 0 ? `, ${run.failed} skipped` : ""}.
        </p>
      </Alert>
      <div className="flex flex-wrap gap-2">
        <Button asChild>
          <Link href="/library">Open your library</Link>
        </Button>
        <Button variant="secondary" onClick={onAnother}>
          Import another file
        </Button>
      </div>
    </div>
  );
}
