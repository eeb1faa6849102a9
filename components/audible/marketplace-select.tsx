"use client";

import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { MARKETPLACES, marketplaceLabels, type Marketplace } from "@/lib/validation/audible";
import { isMarketplace } from "./default-marketplace";

export function MarketplaceSelect({
  id,
  value,
  onChange,
  disabled,
}: {
  id: string;
  value: Marketplace;
  onChange: (value: Marketplace) => void;
  disabled?: boolean;
}) {
  return (
    <div className="space-y-2">
      <Label htmlFor={id}>Marketplace</Label>
      <Select
        value={value}
        onValueChange={(next) => isMarketplace(next) && onChange(next)}
        disabled={disabled}
      >
        <SelectTrigger id={id} aria-describedby={`${id}-hint`}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {MARKETPLACES.map((code) => (
            <SelectItem key={code} value={code}>
              <MarketplaceName marketplace={code} />
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        The Audible store where you bought your books.
      </p>
    </div>
  );
}

export function MarketplaceName({ marketplace }: { marketplace: Marketplace }) {
  const { flag, name, site } = marketplaceLabels[marketplace];
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden>{flag}</span>
      <span>{name}</span>
      <span className="text-muted-foreground">· {site}</span>
    </span>
  );
}
