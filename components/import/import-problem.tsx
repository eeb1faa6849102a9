import { Alert } from "@/components/ui/alert";
import type { ImportProblem } from "./import-error-copy";

export function ImportProblemAlert({ problem }: { problem: ImportProblem }) {
  return (
    <Alert tone="error">
      <p className="font-medium">{problem.title}</p>
      {problem.message ? <p>{problem.message}</p> : null}
      <p className="text-muted-foreground">{problem.next}</p>
    </Alert>
  );
}
