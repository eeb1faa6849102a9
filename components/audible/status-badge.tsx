import { AlertTriangle, CheckCircle2, CircleDashed } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { StatusOutput } from "@/lib/validation/audible";

export function StatusBadge({ status }: { status: StatusOutput }) {
  if (!status.connected)
    return (
      <Badge>
        <CircleDashed aria-hidden />
        Not connected
      </Badge>
    );
  if (status.needsReconnect)
    return (
      <Badge tone="warning">
        <AlertTriangle aria-hidden />
        Needs reconnect
      </Badge>
    );
  return (
    <Badge tone="success">
      <CheckCircle2 aria-hidden />
      Connected
    </Badge>
  );
}
