"use client";

import { FileUp } from "lucide-react";
import { useState } from "react";
import { defaultMarketplace } from "@/components/audible/default-marketplace";
import { MarketplaceSelect } from "@/components/audible/marketplace-select";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { api } from "@/lib/trpc/react";
import type { Marketplace, SyncRunView } from "@/lib/validation/audible";
import type { ImportPreview } from "@/lib/validation/imports";
import { DropZone } from "./drop-zone";
import { describeImportError, localProblem, type ImportProblem } from "./import-error-copy";
import { ImportProblemAlert } from "./import-problem";
import { PreviewCounts, PreviewErrors, PreviewSample } from "./import-preview";
import { ImportResult } from "./import-result";
import { readExportFile } from "./read-export-file";

type LoadedFile = { fileName: string; content: string; encoding: "text" | "base64" };

export function FileImport() {
  const utils = api.useUtils();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [marketplace, setMarketplace] = useState<Marketplace | undefined>();
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [run, setRun] = useState<SyncRunView | null>(null);
  const preview = api.imports.preview.useMutation({
    onError: (error) => setProblem(describeImportError(error)),
    onSuccess: (result, input) => {
      // The file names no store: preset the suggestion and ask again, so the counts can be shown at once.
      if (result.marketplace.required && !input.marketplace) {
        const pick = result.marketplace.suggested ?? defaultMarketplace(navigator.languages);
        setMarketplace(pick);
        preview.mutate({ ...input, marketplace: pick });
      }
    },
  });
  const commit = api.imports.commit.useMutation({
    onError: (error) => setProblem(describeImportError(error)),
    onSuccess: async (result) => {
      setRun(result);
      await Promise.all([utils.library.invalidate(), utils.audible.syncRuns.invalidate()]);
    },
  });

  const reset = () => {
    setFile(null);
    setMarketplace(undefined);
    setProblem(null);
    setRun(null);
    preview.reset();
    commit.reset();
  };

  const choose = async (chosen: File) => {
    reset();
    const read = await readExportFile(chosen);
    if (!read.ok) return setProblem(localProblem(read.code));
    const loaded = { fileName: read.fileName, content: read.content, encoding: read.encoding };
    setFile(loaded);
    preview.mutate(loaded);
  };

  const changeMarketplace = (next: Marketplace) => {
    setMarketplace(next);
    setProblem(null);
    if (file) preview.mutate({ ...file, marketplace: next });
  };

  const importRows = (validOnly: boolean) => {
    if (!file) return;
    setProblem(null);
    commit.mutate({ ...file, marketplace, validOnly });
  };

  const data = preview.data;
  const busy = preview.isPending || commit.isPending;

  return (
    <Card aria-labelledby="file-import-title">
      <CardHeader className="flex-row items-start gap-4">
        <span className="grid size-10 shrink-0 place-items-center rounded-lg bg-accent text-primary">
          <FileUp className="size-5" aria-hidden />
        </span>
        <div className="space-y-1.5">
          <CardTitle id="file-import-title">Export file</CardTitle>
          <CardDescription>
            Upload a library export from audible-cli or Libation (TSV, CSV or JSON), or one from Media Feed.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        {run ? (
          <ImportResult run={run} onAnother={reset} />
        ) : (
          <>
            <DropZone onFile={(chosen) => void choose(chosen)} disabled={commit.isPending} />
            {problem ? <ImportProblemAlert problem={problem} /> : null}
            {preview.isPending && !data ? <Waiting label="Reading the file…" /> : null}
            {file && data ? (
              <section aria-label="Preview" className="space-y-5">
                <p className="text-sm">
                  <span className="font-medium">{file.fileName}</span>
                  <span className="text-muted-foreground">
                    {" "}
                    · {data.format.label} · {data.totalRows} {data.totalRows === 1 ? "title" : "titles"}
                  </span>
                </p>
                {/* Once chosen the server no longer needs it, but the choice stays visible so it can be changed. */}
                {data.marketplace.required || marketplace !== undefined ? (
                  <div className="max-w-sm">
                    <MarketplaceSelect
                      id="import-marketplace"
                      value={marketplace ?? data.marketplace.suggested ?? "us"}
                      onChange={changeMarketplace}
                      disabled={busy}
                    />
                  </div>
                ) : null}
                <PreviewCounts counts={data.counts} />
                <PreviewSample preview={data} />
                <PreviewErrors preview={data} />
                {commit.isPending ? (
                  <Waiting label="Importing…" />
                ) : (
                  <ImportButtons
                    preview={data}
                    needsMarketplace={data.marketplace.required && !marketplace}
                    busy={busy}
                    onImport={importRows}
                  />
                )}
              </section>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function ImportButtons({
  preview,
  needsMarketplace,
  busy,
  onImport,
}: {
  preview: ImportPreview;
  needsMarketplace: boolean;
  busy: boolean;
  onImport: (validOnly: boolean) => void;
}) {
  const invalid = preview.counts.invalid;
  const valid = preview.totalRows - invalid;
  // Importing everything needs every row to be valid, so with problems only "the valid rows" can succeed.
  if (valid === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No title in this file can be imported. Fix the problems above and choose the file again.
      </p>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {invalid > 0 ? (
        <Button onClick={() => onImport(true)} disabled={busy || needsMarketplace}>
          Import the valid rows
        </Button>
      ) : (
        <Button onClick={() => onImport(false)} disabled={busy || needsMarketplace}>
          Import
        </Button>
      )}
    </div>
  );
}

function Waiting({ label }: { label: string }) {
  return (
    <div className="space-y-2" role="status">
      <p className="text-sm text-muted-foreground">{label}</p>
      <Progress aria-label={label} />
    </div>
  );
}
