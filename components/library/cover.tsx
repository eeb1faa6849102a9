import { BookAudio } from "lucide-react";
import { cn } from "@/lib/cn";

/** A square box that is sized before the image arrives, so the grid never jumps while covers load. */
export function Cover({ url, title, className }: { url: string | null; title: string; className?: string }) {
  return (
    <div className={cn("relative aspect-square overflow-hidden rounded-md bg-muted", className)}>
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- covers come from Audible's CDN at fixed sizes; no optimiser needed
        <img
          src={url}
          alt=""
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          className="absolute inset-0 size-full object-cover"
        />
      ) : (
        <div className="absolute inset-0 grid place-items-center text-muted-foreground" title={title}>
          <BookAudio className="size-1/3" aria-hidden />
        </div>
      )}
    </div>
  );
}
