import { expect, test, type Page } from "@playwright/test";
import { captureBothSchemes, uniqueEmail } from "../support/screens";

const PASSWORD = "a long listening list";

async function signUp(page: Page) {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(uniqueEmail("library"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/library$/);
}

// The populated library (covers, progress, filters, paging) is driven end to end by the sync spec:
// connect → import from the simulator → Library. These cover what a new account sees before any import.
test("an empty library points to Import", async ({ page }) => {
  await signUp(page);
  await expect(page.getByRole("heading", { name: "Your library is empty" })).toBeVisible();
  await page.getByRole("link", { name: "Import your library" }).click();
  await expect(page).toHaveURL(/\/import$/);
});

test("a search with no matches says so and clears back to the empty library", async ({ page }) => {
  await signUp(page);
  await page.goto("/library?q=mistborn");
  await expect(page.getByRole("heading", { name: "No titles match “mistborn”" })).toBeVisible();
  await expect(page.getByRole("searchbox")).toHaveValue("mistborn");

  // Typing narrows the URL after a pause, so a view can be shared or reloaded.
  await page.getByRole("searchbox").fill("stormlight 2.5");
  await expect(page).toHaveURL(/\/library\?q=stormlight\+2\.5$/);
  await expect(page.getByRole("heading", { name: "No titles match “stormlight 2.5”" })).toBeVisible();
  await page.getByRole("button", { name: "List" }).click();
  await expect(page).toHaveURL(/view=list/);
  await captureBothSchemes(page, "library-no-results");

  await page.getByRole("button", { name: "Clear search and filters" }).click();
  await expect(page).toHaveURL(/\/library\?view=list$/);
  await expect(page.getByRole("heading", { name: "Your library is empty" })).toBeVisible();
});

test("stats without a library show an empty state", async ({ page }) => {
  await signUp(page);
  await page.goto("/library/stats");
  await expect(page.getByRole("heading", { name: "Stats", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No stats yet" })).toBeVisible();
  await captureBothSchemes(page, "library-stats-empty");
});

test("an unknown title is a 404, not someone else's book", async ({ page }) => {
  await signUp(page);
  const response = await page.goto("/library/00000000-0000-0000-0000-000000000000");
  expect(response?.status()).toBe(404);
});
