"use client";

import { BookAudio } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/cn";

/** A square box that is sized before the image arrives, so the grid never jumps while covers load. */
export function Cover({ url, title, className }: { url: string | null; title: string; className?: string }) {
  // A cover that fails (offline, a retired CDN path) falls back to the placeholder instead of a broken image.
  const [failed, setFailed] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  // An image that failed before hydration fired its error event before React listened for it.
  useEffect(() => {
    const element = image.current;
    if (element?.complete && element.naturalWidth === 0) setFailed(true);
  }, []);
  return (
    <div className={cn("relative aspect-square overflow-hidden rounded-md bg-muted", className)}>
      {url && !failed ? (
        // eslint-disable-next-line @next/next/no-img-element -- covers come from Audible's CDN at fixed sizes; no optimiser needed
        <img
          ref={image}
          src={url}
          alt=""
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setFailed(true)}
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
