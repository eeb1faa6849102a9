import { Alert } from "@/components/ui/alert";
import type { ErrorCopy } from "./error-copy";

export function ErrorNotice({ error }: { error: Pick<ErrorCopy, "title" | "message"> & { code?: string } }) {
  return (
    <Alert tone="error" data-error-code={error.code}>
      <p className="font-medium">{error.title}</p>
      <p className="text-muted-foreground">{error.message}</p>
    </Alert>
  );
}
