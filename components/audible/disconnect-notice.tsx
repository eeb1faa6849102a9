import { Alert } from "@/components/ui/alert";
import type { DisconnectOutcome } from "./disconnect-dialog";

export function DisconnectNotice({ outcome }: { outcome: DisconnectOutcome }) {
  const books = outcome.keptLibrary ? "Your imported books were kept." : "Your imported books were removed.";
  if (outcome.deregistered)
    return (
      <Alert tone="success">
        <p className="font-medium">Audible disconnected</p>
        <p className="text-muted-foreground">{books}</p>
      </Alert>
    );
  return (
    <Alert tone="warning">
      <p className="font-medium">Disconnected, but Amazon could not be told</p>
      <p className="text-muted-foreground">
        Media Feed deleted its keys, so it can no longer reach your account. {books} To remove the device “
        {outcome.deviceName}” from your Amazon account as well, open Amazon → Account → Manage Your Content
        and Devices → Devices, pick it and choose Deregister.
      </p>
    </Alert>
  );
}
