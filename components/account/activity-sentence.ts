import { describeRunError } from "@/components/audible/read-error";
import { marketplaceLabels, type Marketplace } from "@/lib/validation/audible";

type Detail = Record<string, string | number | boolean | null>;

const num = (value: unknown) => (typeof value === "number" ? value.toLocaleString("en") : "0");
const store = (detail: Detail) => {
  const code = detail.marketplace as Marketplace | undefined;
  return code && code in marketplaceLabels ? ` (${marketplaceLabels[code].site})` : "";
};
const counts = (detail: Detail) =>
  `${num(detail.added)} added, ${num(detail.updated)} updated, ${num(detail.removed)} removed` +
  (typeof detail.failed === "number" && detail.failed > 0 ? `, ${num(detail.failed)} failed` : "");

/** One plain sentence per audit entry; unknown actions fall back to their name so nothing is hidden. */
export function activitySentence(action: string, detail: Detail): string {
  switch (action) {
    case "audible.connect":
      return `Connected Audible${store(detail)}`;
    case "audible.reconnect":
      return `Reconnected Audible${store(detail)}`;
    case "audible.disconnect":
      return (
        `Disconnected Audible${store(detail)}, ${detail.keepLibrary ? "kept" : "removed"} the imported books` +
        (detail.deregistered === false ? " (Amazon could not be told)" : "")
      );
    case "audible.sync": {
      const kind = detail.kind === "full" ? "Full Audible import" : "Audible sync";
      return detail.status === "succeeded"
        ? `${kind}: ${counts(detail)}`
        : `${kind} failed: ${describeRunError(typeof detail.errorCode === "string" ? detail.errorCode : null).title}`;
    }
    case "import.file":
      return detail.status === "succeeded"
        ? `Imported an export file: ${counts(detail)}`
        : "An export file import failed";
    default:
      return action;
  }
}
