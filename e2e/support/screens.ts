import type { Page } from "@playwright/test";

/** Saves a full-page screenshot in light and dark, for people to look at after a run. */
export async function captureBothSchemes(page: Page, name: string) {
  // A full-page capture draws the sticky header where the page is scrolled to: mid-page, over the content.
  const scrolledTo = await page.evaluate(() => {
    const y = window.scrollY;
    window.scrollTo(0, 0);
    return y;
  });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `e2e/screenshots/${name}-${scheme}.png`,
      fullPage: true,
      animations: "disabled",
    });
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate((y) => window.scrollTo(0, y), scrolledTo);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}
