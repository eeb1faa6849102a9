import { LibraryStore } from "./library-store";
import { renderItem } from "./render";
import { fieldsFor, GROUP_FIELDS, type ResponseGroup } from "./response-groups";

/** Runs the generate → render → stringify path once at start-up so the first real page is not paying for JIT warm-up. */
export function warmUpRendering(): void {
  const store = new LibraryStore("warm-up", 300, 0);
  const fields = fieldsFor(Object.keys(GROUP_FIELDS) as ResponseGroup[], true);
  const items = store
    .sortedEntries("-PurchaseDate")
    .map((entry) =>
      renderItem({ title: store.title(entry), entry, imageSizes: ["500"], marketplaceId: "" }, fields),
    );
  JSON.stringify(items);
}
