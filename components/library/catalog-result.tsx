import { Check, ExternalLink } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CatalogProductView } from "@/lib/validation/catalog";
import { Cover } from "./cover";

export function CatalogResult({ product }: { product: CatalogProductView }) {
  const series = product.series
    ? `${product.series.title}${product.series.position ? `, book ${product.series.position}` : ""}`
    : null;
  return (
    <li className="flex items-start gap-3 py-3">
      <Cover url={product.coverUrl} title={product.title} className="size-16 shrink-0" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-medium leading-snug">{product.title}</p>
        {product.authors.length > 0 ? (
          <p className="truncate text-sm text-muted-foreground">{product.authors.join(", ")}</p>
        ) : null}
        {series ? <p className="truncate text-xs text-muted-foreground">{series}</p> : null}
        {product.owned ? (
          <Badge tone="success">
            <Check aria-hidden />
            In your library
          </Badge>
        ) : null}
      </div>
      <Button asChild variant="secondary" size="sm" className="shrink-0">
        <a href={product.webUrl} target="_blank" rel="noopener noreferrer">
          Open on Audible
          <ExternalLink aria-hidden />
          <span className="sr-only">: {product.title}</span>
        </a>
      </Button>
    </li>
  );
}
