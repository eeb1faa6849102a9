import { Headphones } from "lucide-react";
import Link from "next/link";

export function Brand() {
  return (
    <Link href="/library" className="flex items-center gap-2 font-semibold tracking-tight">
      <span className="grid size-8 place-items-center rounded-lg bg-primary text-primary-foreground">
        <Headphones className="size-4" aria-hidden />
      </span>
      Media Feed
    </Link>
  );
}
