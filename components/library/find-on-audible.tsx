"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useState } from "react";
import { defaultMarketplace } from "@/components/audible/default-marketplace";
import { MarketplaceSelect } from "@/components/audible/marketplace-select";
import { describeError } from "@/components/audible/read-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { api } from "@/lib/trpc/react";
import type { Marketplace } from "@/lib/validation/audible";
import type { CatalogSearchResult } from "@/lib/validation/catalog";
import { CatalogResult } from "./catalog-result";
import { useDebounced } from "./use-debounced";

export function FindOnAudible() {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Search aria-hidden />
          Find on Audible
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Find on Audible</DialogTitle>
          <DialogDescription>Search Audible's store and open a title there.</DialogDescription>
        </DialogHeader>
        <CatalogSearch />
      </DialogContent>
    </Dialog>
  );
}

function CatalogSearch() {
  const status = api.audible.status.useQuery();
  const connected = status.data?.connected ? status.data.marketplace : null;
  const [chosen, setChosen] = useState<Marketplace | null>(null);
  // A connected account decides the store; otherwise the browser's language is the best first guess.
  const marketplace =
    connected ?? chosen ?? defaultMarketplace(typeof navigator === "undefined" ? [] : navigator.languages);
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 350);
  const enabled = q.length >= 2 && !status.isPending;
  const search = api.audible.search.useQuery(
    { q, marketplace, page: 0 },
    { enabled, staleTime: 60_000, retry: false, placeholderData: keepPreviousData },
  );

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-start">
        <div className="space-y-2">
          <Label htmlFor="catalog-q">Title, author or narrator</Label>
          <Input
            id="catalog-q"
            type="search"
            value={text}
            autoComplete="off"
            placeholder="At least 2 characters"
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        {connected ? null : (
          <MarketplaceSelect id="catalog-marketplace" value={marketplace} onChange={setChosen} />
        )}
      </div>
      <Results enabled={enabled} data={search.data} error={search.error} />
    </div>
  );
}

function Results({
  enabled,
  data,
  error,
}: {
  enabled: boolean;
  data: CatalogSearchResult | undefined;
  error: unknown;
}) {
  if (!enabled) return null;
  if (error) {
    const described = describeError(error);
    return (
      <Alert tone="error">
        <p className="font-medium">{described.title}</p>
        <p>{described.message}</p>
      </Alert>
    );
  }
  if (!data)
    return (
      <p className="text-sm text-muted-foreground" role="status">
        Searching…
      </p>
    );
  if (data.products.length === 0)
    return (
      <p className="text-sm text-muted-foreground" role="status">
        Audible has no titles matching that.
      </p>
    );
  return (
    <div className="space-y-2">
      <p className="text-xs text-muted-foreground" role="status">
        {(data.total ?? data.products.length).toLocaleString()} results
        {data.hasMore ? `, showing the first ${data.products.length}` : ""}
      </p>
      <ul aria-label="Audible results" className="divide-y divide-border">
        {data.products.map((product) => (
          <CatalogResult key={product.asin} product={product} />
        ))}
      </ul>
    </div>
  );
}
