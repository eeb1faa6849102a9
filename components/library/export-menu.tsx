"use client";

import { ChevronDown, Download } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/trpc/react";

type Format = "csv" | "json" | "goodreads";

const OPTIONS = [
  { format: "csv", label: "CSV", hint: "Spreadsheet, re-imports into Media Feed" },
  { format: "json", label: "JSON", hint: "Every field, re-imports into Media Feed" },
  { format: "goodreads", label: "Goodreads CSV", hint: "For Goodreads' import page" },
] as const satisfies readonly { format: Format; label: string; hint: string }[];

function download(file: { fileName: string; mimeType: string; content: string }) {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = Object.assign(document.createElement("a"), { href: url, download: file.fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ExportMenu() {
  const utils = api.useUtils();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Format | null>(null);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !root.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const exportAs = async (format: Format) => {
    setBusy(format);
    setFailed(false);
    try {
      // Always fresh: an export must include what was imported a moment ago.
      download(await utils.imports.export.fetch({ format }, { staleTime: 0 }));
      setOpen(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div ref={root} className="relative">
      <Button variant="secondary" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)}>
        <Download aria-hidden />
        Export
        <ChevronDown aria-hidden />
      </Button>
      {open ? (
        <div
          role="group"
          aria-label="Export formats"
          className="absolute right-0 z-30 mt-2 w-72 rounded-lg border border-border bg-card p-1 shadow-lg"
        >
          {OPTIONS.map((option) => (
            <button
              key={option.format}
              type="button"
              disabled={busy !== null}
              onClick={() => void exportAs(option.format)}
              className="flex w-full flex-col items-start rounded-md px-3 py-2 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none disabled:opacity-60"
            >
              <span className="font-medium">{busy === option.format ? "Preparing…" : option.label}</span>
              <span className="text-xs text-muted-foreground">{option.hint}</span>
            </button>
          ))}
          {failed ? (
            <p role="alert" className="px-3 py-2 text-xs text-destructive">
              The export failed. Try again.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
