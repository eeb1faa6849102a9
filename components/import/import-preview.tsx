import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { ImportPreview } from "@/lib/validation/imports";

const COUNTS = [
  ["new", "New"],
  ["updated", "Updated"],
  ["unchanged", "Unchanged"],
  ["invalid", "Invalid"],
  ["warnings", "Warnings"],
] as const;

export function PreviewCounts({ counts }: { counts: ImportPreview["counts"] }) {
  return (
    <dl aria-label="What the import will do" className="grid grid-cols-3 gap-2 sm:grid-cols-5">
      {COUNTS.map(([key, label]) => {
        const value = counts[key];
        const alarming = (key === "invalid" || key === "warnings") && (value ?? 0) > 0;
        return (
          <div key={key} className="rounded-md border border-border px-3 py-2">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd
              className={cn(
                "text-lg font-semibold tabular-nums",
                alarming && (key === "invalid" ? "text-destructive" : "text-warning"),
              )}
            >
              {value ?? "–"}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function PreviewSample({ preview }: { preview: ImportPreview }) {
  const unit = preview.rowUnit === "line" ? "Line" : "Item";
  if (preview.sample.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">First rows of the file</caption>
        <thead className="bg-muted text-xs text-muted-foreground">
          <tr>
            <th className="px-3 py-2 font-medium">{unit}</th>
            <th className="px-3 py-2 font-medium">Title</th>
            <th className="px-3 py-2 font-medium">Authors</th>
            <th className="px-3 py-2 font-medium">ASIN</th>
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row) => (
            <tr key={`${row.line}-${row.asin}`} className="border-t border-border">
              <td className="px-3 py-2 tabular-nums text-muted-foreground">{row.line}</td>
              <td className="max-w-64 truncate px-3 py-2 font-medium" title={row.title}>
                {row.title}
              </td>
              <td className="max-w-48 truncate px-3 py-2">{row.authors.join(", ")}</td>
              <td className="px-3 py-2 font-mono text-xs">{row.asin}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PreviewErrors({ preview }: { preview: ImportPreview }) {
  if (preview.errors.length === 0) return null;
  const unit = preview.rowUnit === "line" ? "line" : "item";
  const more = preview.errorsTotal - preview.errors.length;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-medium">Problems in the file</h3>
      <ul className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-border p-2 text-sm">
        {preview.errors.map((error, index) => (
          <li key={`${error.line}-${index}`} className="flex items-start gap-2 px-1 py-0.5">
            <Badge tone={error.severity === "error" ? "error" : "warning"} className="mt-0.5">
              {error.severity === "error" ? "Error" : "Warning"}
            </Badge>
            <span>
              {unit} {error.line}: {error.reason}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="text-xs text-muted-foreground">and {more} more</p> : null}
    </div>
  );
}
