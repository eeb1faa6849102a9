import { Headphones } from "lucide-react";
import type { ReactNode } from "react";
import { CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { StatusOutput } from "@/lib/validation/audible";
import { StatusBadge } from "./status-badge";

/** The Audible icon, title, connection badge and a one-line description, shared by Settings and Import. */
export function AudibleCardHeader(props: { titleId: string; status?: StatusOutput; children: ReactNode }) {
  return (
    <CardHeader className="flex-row items-start gap-4">
      <span className="grid size-10 shrink-0 place-items-center rounded-lg bg-accent text-primary">
        <Headphones className="size-5" aria-hidden />
      </span>
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id={props.titleId}>Audible</CardTitle>
          {props.status ? <StatusBadge status={props.status} /> : null}
        </div>
        <CardDescription>{props.children}</CardDescription>
      </div>
    </CardHeader>
  );
}
