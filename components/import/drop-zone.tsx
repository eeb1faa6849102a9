"use client";

import { FileUp } from "lucide-react";
import { useId, useRef, useState, type DragEvent } from "react";
import { cn } from "@/lib/cn";
import { IMPORT_MAX_BYTES } from "@/lib/validation/imports";

const ACCEPT = ".tsv,.csv,.json,.txt,text/csv,text/tab-separated-values,application/json,text/plain";

export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={cn(
        "flex flex-col items-center gap-3 rounded-lg border-2 border-dashed border-border px-6 py-8 text-center transition-colors",
        over && "border-primary bg-accent",
        disabled && "opacity-60",
      )}
    >
      <FileUp className="size-8 text-muted-foreground" aria-hidden />
      <p className="text-sm">
        Drop your export here, or{" "}
        <label
          htmlFor={id}
          className="cursor-pointer font-medium text-primary underline-offset-4 hover:underline"
        >
          choose a file
        </label>
      </p>
      <p className="text-xs text-muted-foreground">
        TSV, CSV or JSON, up to {Math.round(IMPORT_MAX_BYTES / 1024 / 1024)} MB. Nothing is saved until you
        confirm.
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        aria-label="Export file"
        accept={ACCEPT}
        disabled={disabled}
        className="sr-only"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Clearing lets the same file be chosen again after fixing it.
          event.target.value = "";
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
