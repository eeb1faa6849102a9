import { ArrowLeft, ExternalLink } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/format";
import { contentTypeLabels, listenStatusLabels, type LibraryItem } from "@/lib/validation/library";
import { Cover } from "./cover";
import { formatRuntime, seriesLabel } from "./format";
import { ItemProgress } from "./item-progress";
import { libraryHref } from "./url-state";

const filterHref = (patch: { author?: string; series?: string }) =>
  libraryHref({ view: "grid", input: { ...patch, sort: patch.series ? "series" : "added" } });

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div className="flex gap-3 py-2 text-sm">
      <dt className="w-32 shrink-0 text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

const rating = (value: number | null) => (value ? `${value.toFixed(1)} / 5` : null);

export function TitleDetails({ item }: { item: LibraryItem }) {
  const { ratings } = item;
  return (
    <article className="space-y-8">
      <Button asChild variant="ghost" size="sm" className="-ml-3">
        <Link href="/library">
          <ArrowLeft aria-hidden />
          Library
        </Link>
      </Button>
      <div className="grid gap-8 md:grid-cols-[16rem_1fr]">
        <div className="space-y-4">
          <Cover
            url={item.coverUrl}
            title={item.title}
            className="w-64 max-w-full shadow-md ring-1 ring-border"
          />
          {item.audibleUrl ? (
            <Button asChild variant="secondary" className="w-64 max-w-full">
              <a href={item.audibleUrl} target="_blank" rel="noopener noreferrer">
                <ExternalLink aria-hidden />
                Open in Audible
              </a>
            </Button>
          ) : null}
        </div>
        <div className="min-w-0 space-y-6">
          <header className="space-y-2">
            <div className="flex flex-wrap gap-2">
              <Badge>{listenStatusLabels[item.status]}</Badge>
              {item.contentType !== "book" ? <Badge>{contentTypeLabels[item.contentType]}</Badge> : null}
              {item.isPlusCatalog ? <Badge>Plus catalogue</Badge> : null}
              {item.removedAt ? (
                <Badge tone="warning">Returned or removed {formatDate(item.removedAt)}</Badge>
              ) : null}
            </div>
            <h1 className="text-3xl font-semibold tracking-tight text-balance">{item.title}</h1>
            {item.subtitle ? <p className="text-lg text-muted-foreground">{item.subtitle}</p> : null}
            <p className="text-sm">
              {item.authors.length ? "By " : null}
              {item.authors.map((author, index) => (
                <span key={`${author.name}-${index}`}>
                  {index > 0 ? ", " : null}
                  <Link
                    href={filterHref({ author: author.name })}
                    className="font-medium text-primary hover:underline"
                  >
                    {author.name}
                  </Link>
                </span>
              ))}
            </p>
            {item.narrators.length ? (
              <p className="text-sm text-muted-foreground">
                Narrated by {item.narrators.map((narrator) => narrator.name).join(", ")}
              </p>
            ) : null}
          </header>
          <div className="max-w-md space-y-1">
            <ItemProgress item={item} />
            {item.finishedAt ? (
              <p className="text-xs text-muted-foreground">Finished {formatDate(item.finishedAt)}</p>
            ) : null}
          </div>
          <dl className="divide-y border-y">
            <Fact label={item.series.length > 1 ? "Series" : "Series"}>
              {item.series.length ? (
                <ul className="space-y-1">
                  {item.series.map((entry) => (
                    <li key={entry.title}>
                      <Link
                        href={filterHref({ series: entry.title })}
                        className="text-primary hover:underline"
                      >
                        {entry.title}
                      </Link>
                      {seriesLabel(entry.sequence) ? (
                        <span className="text-muted-foreground">, {seriesLabel(entry.sequence)}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Fact>
            <Fact label="Length">{formatRuntime(item.runtimeMinutes)}</Fact>
            <Fact label="Released">{item.releaseDate ? formatDate(item.releaseDate) : null}</Fact>
            <Fact label="Publisher">{item.publisher}</Fact>
            <Fact label="Language">{item.language ? capitalise(item.language) : null}</Fact>
            <Fact label="Rating">
              {ratings.overall
                ? [
                    `${rating(ratings.overall)} overall`,
                    ratings.performance ? `${rating(ratings.performance)} performance` : null,
                    ratings.story ? `${rating(ratings.story)} story` : null,
                    ratings.count ? `${ratings.count.toLocaleString("en")} ratings` : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")
                : null}
            </Fact>
            <Fact label="Your rating">{rating(item.myRatings.overall)}</Fact>
            <Fact label="Genres">{item.genres.length ? item.genres.join(", ") : null}</Fact>
            <Fact label="Purchased">{item.purchasedAt ? formatDate(item.purchasedAt) : null}</Fact>
            <Fact label="Added">{item.addedAt ? formatDate(item.addedAt) : null}</Fact>
            <Fact label="In Plus until">{item.planEndsAt ? formatDate(item.planEndsAt) : null}</Fact>
          </dl>
          {item.descriptionHtml ? (
            <section aria-label="Description" className="space-y-2">
              <h2 className="text-base font-semibold">About this title</h2>
              <div
                className="max-w-prose space-y-3 text-sm leading-relaxed [&_a]:text-primary [&_a]:underline [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc"
                // Sanitised once by the mapping when it was stored (sanitize-html allow-list); only this column is rendered raw.
                dangerouslySetInnerHTML={{ __html: item.descriptionHtml }}
              />
            </section>
          ) : null}
        </div>
      </div>
    </article>
  );
}

function capitalise(value: string) {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
