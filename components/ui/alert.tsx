import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const tones = {
  info: { icon: Info, className: "border-border bg-muted text-foreground" },
  success: { icon: CheckCircle2, className: "border-success/30 bg-success-muted text-success" },
  warning: { icon: AlertTriangle, className: "border-warning/30 bg-warning-muted text-warning" },
  error: { icon: XCircle, className: "border-destructive/30 bg-destructive-muted text-destructive" },
} as const;

type AlertProps = ComponentProps<"div"> & { tone?: keyof typeof tones };

export function Alert({ tone = "info", className, children, ...props }: AlertProps) {
  const { icon: Icon, className: toneClass } = tones[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-lg border px-4 py-3 text-sm", toneClass, className)}
      {...props}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="space-y-1 text-foreground">{children}</div>
    </div>
  );
}
