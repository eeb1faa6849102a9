import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signUpFresh } from "../support/audible";
import { captureBothSchemes } from "../support/screens";

const FIXTURES = path.join(process.cwd(), "server/importers/fixtures");
const CLI_TSV = path.join(FIXTURES, "audible-cli-library.tsv");
// The smallest valid PNG header plus padding: a picture, which the server must refuse by name.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  Buffer.alloc(64),
]);

function fileCard(page: Page) {
  return page.getByRole("region", { name: "Export file" });
}

function count(page: Page, label: string) {
  return page.getByLabel("What the import will do").locator("div", { hasText: label }).locator("dd");
}

async function titlesInTsv(): Promise<string[]> {
  const text = await readFile(CLI_TSV, "utf8");
  // Only the simple titles: the fixture's descriptions hold quoted newlines, so split on ASINs at line start.
  return [...text.matchAll(/^[0-9A-Z]{10}\t([^\t]+)\t/gm)].map((match) => match[1]!);
}

test("upload an audible-cli export, choose its marketplace, import it, then re-import our own export unchanged", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUpFresh(page, "import");
  await page.goto("/import");
  await expect(fileCard(page).getByText("Drop your export here")).toBeVisible();
  await captureBothSchemes(page, "import-upload-zone");

  await fileCard(page).getByLabel("Export file").setInputFiles(CLI_TSV);
  const titles = await titlesInTsv();
  expect(titles.length).toBeGreaterThan(1);
  await expect(fileCard(page).getByText("audible-cli", { exact: false }).first()).toBeVisible();
  // The TSV names no store: the choice is shown, preset, and the counts follow it.
  const marketplace = fileCard(page).getByRole("combobox", { name: "Marketplace" });
  await expect(marketplace).toBeVisible();
  await expect(count(page, "New")).toHaveText(String(titles.length));
  await marketplace.click();
  await page.getByRole("option", { name: /United Kingdom/ }).click();
  await expect(marketplace).toContainText("United Kingdom");
  await expect(count(page, "New")).toHaveText(String(titles.length));
  await captureBothSchemes(page, "import-marketplace-choice");

  await fileCard(page).getByRole("button", { name: "Import", exact: true }).click();
  await expect(fileCard(page).getByText("Import finished")).toBeVisible();
  await expect(fileCard(page).getByText(`${titles.length} added`)).toBeVisible();
  await captureBothSchemes(page, "import-result");

  await fileCard(page).getByRole("link", { name: "Open your library" }).click();
  await expect(page).toHaveURL(/\/library$/);
  for (const title of titles) await expect(page.getByText(title, { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "Export" }).click();
  await captureBothSchemes(page, "library-export-menu");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /^CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const exported = await download.path();

  await page.goto("/import");
  await fileCard(page)
    .getByLabel("Export file")
    .setInputFiles({
      name: download.suggestedFilename(),
      mimeType: "text/csv",
      buffer: await readFile(exported),
    });
  await expect(fileCard(page).getByText("Media Feed", { exact: false }).first()).toBeVisible();
  await expect(count(page, "New")).toHaveText("0");
  await expect(count(page, "Unchanged")).toHaveText(String(titles.length));
  await expect(fileCard(page).getByRole("combobox", { name: "Marketplace" })).toHaveCount(0);
  await fileCard(page).getByRole("button", { name: "Import", exact: true }).click();
  await expect(fileCard(page).getByText(`0 added, 0 updated, ${titles.length} unchanged`)).toBeVisible();

  await page.goto("/library");
  for (const title of titles) await expect(page.getByText(title, { exact: true })).toHaveCount(1);
});

test("broken files get their own message and next step", async ({ page }) => {
  await signUpFresh(page, "import-broken");
  await page.goto("/import");
  const input = fileCard(page).getByLabel("Export file");

  await input.setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: PNG });
  await expect(fileCard(page).getByRole("alert")).toContainText("This is not a text export");
  await expect(fileCard(page).getByRole("alert")).toContainText("Export as CSV or JSON instead");

  await input.setInputFiles(path.join(FIXTURES, "missing-title.csv"));
  await expect(fileCard(page).getByRole("alert")).toContainText("Columns are missing");
  await expect(fileCard(page).getByRole("alert")).toContainText("title");

  await input.setInputFiles(path.join(FIXTURES, "bad-dates.tsv"));
  await expect(fileCard(page).getByText("Problems in the file")).toBeVisible();
  await expect(
    fileCard(page)
      .getByText(/^line \d+: /)
      .first(),
  ).toBeVisible();
  await captureBothSchemes(page, "import-preview-errors");
});

test("search Audible's catalogue from the Library and open a result", async ({ page }) => {
  await signUpFresh(page, "catalog");
  // The header with Find on Audible is the populated library's: give it one title first.
  await page.goto("/import");
  await fileCard(page).getByLabel("Export file").setInputFiles(CLI_TSV);
  await fileCard(page).getByRole("button", { name: "Import", exact: true }).click();
  await expect(fileCard(page).getByText("Import finished")).toBeVisible();

  await page.goto("/library");
  await page.getByRole("button", { name: "Find on Audible" }).click();
  const dialog = page.getByRole("dialog", { name: "Find on Audible" });
  await dialog.getByLabel("Title, author or narrator").fill("the");
  const results = dialog.getByRole("list", { name: "Audible results" });
  await expect(results.getByRole("listitem").first()).toBeVisible();
  const first = results.getByRole("listitem").first();
  const link = first.getByRole("link", { name: /Open on Audible/ });
  await expect(link).toHaveAttribute("href", /^https:\/\/www\.audible\.com\/pd\/[A-Z0-9]{10}$/);
  await expect(link).toHaveAttribute("target", "_blank");
  await captureBothSchemes(page, "library-catalog-search");
});
