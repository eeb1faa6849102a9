"use client";

import { Bookmark } from "lucide-react";
import { useEffect, useRef } from "react";

/**
 * React refuses `javascript:` hrefs, so the address is set on the DOM node after mount. Clicking it here
 * does nothing useful (it must run on Amazon's page), so a click only explains how to use it.
 */
export function BookmarkletLink({ code }: { code: string }) {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    ref.current?.setAttribute("href", code);
  }, [code]);

  return (
    <a
      ref={ref}
      draggable
      onClick={(event) => event.preventDefault()}
      title="Drag this to your bookmarks bar"
      className="inline-flex cursor-grab items-center gap-1.5 rounded-md border border-dashed border-primary/60 bg-accent px-3 py-1.5 text-sm font-medium text-foreground active:cursor-grabbing"
    >
      <Bookmark className="size-4 text-primary" aria-hidden />
      Send to Media Feed
    </a>
  );
}
