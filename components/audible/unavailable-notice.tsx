import Link from "next/link";
import type { StatusOutput } from "@/lib/validation/audible";
import { Alert } from "@/components/ui/alert";

type Unavailable = Exclude<StatusOutput["availability"], "available">;

const copy = {
  disabled: {
    title: "Audible is switched off on this Media Feed",
    body: "Whoever runs this Media Feed has turned the Audible integration off for now.",
  },
  not_configured: {
    title: "Audible is not set up on this Media Feed yet",
    body: "The server cannot store an Audible connection safely until its encryption keys are configured.",
  },
  plan_required: {
    title: "Audible import is not part of your plan",
    body: "Move to a plan that includes it to connect Audible.",
  },
} as const satisfies Record<Unavailable, { title: string; body: string }>;

/** Why Audible cannot be used here, and what still works: imported books stay, export files still import. */
export function UnavailableNotice({ availability }: { availability: Unavailable }) {
  const text = copy[availability];
  return (
    <Alert tone="warning">
      <p className="font-medium">{text.title}</p>
      <p className="text-muted-foreground">
        {text.body} Books you already imported stay in your library, and you can still{" "}
        <Link href="/import" className="font-medium text-primary hover:underline">
          upload an export file
        </Link>
        .
      </p>
    </Alert>
  );
}
