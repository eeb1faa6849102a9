import { expect, test, type Page } from "@playwright/test";
import {
  audibleCard,
  connectByPaste,
  landOnMapLanding,
  otpAccount,
  signUpFresh,
  sim,
} from "../support/audible";
import { E2E_METRICS_TOKEN } from "../support/ports";
import { captureBothSchemes } from "../support/screens";

const IMPORT_SIZE = 2_500;
const fmt = (value: number) => value.toLocaleString("en");

async function pagesMappedBy(page: Page): Promise<{ worker: number; main: number }> {
  const response = await page.request.get("/api/metrics", {
    headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` },
  });
  expect(response.status()).toBe(200);
  const text = await response.text();
  const count = (thread: string) =>
    Number(
      new RegExp(`audible_library_pages_mapped_total\\{thread="${thread}"\\} (\\d+)`).exec(text)?.[1] ?? 0,
    );
  return { worker: count("worker"), main: count("main") };
}

function lastRun(page: Page) {
  return audibleCard(page).getByTestId("last-run");
}

async function openHistory(page: Page) {
  const history = audibleCard(page).getByTestId("sync-history");
  await history.getByText("Sync history").click();
  return history.getByRole("list", { name: "Sync runs" });
}

/** Lets the server answer the first matching request at once, but keeps the answer from the page until released. */
async function holdFirstResponse(page: Page, url: RegExp) {
  let answered = () => {};
  let release = () => {};
  const wasAnswered = new Promise<void>((resolve) => (answered = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    url,
    async (route) => {
      const response = await route.fetch();
      answered();
      await released;
      // The page may have given up on it by now, which is what is being tested.
      await route.fulfill({ response }).catch(() => undefined);
    },
    { times: 1 },
  );
  return { answered: wasAnswered, release };
}

test.beforeEach(async () => {
  await sim.clearFaults();
  await sim.clearCalls();
  await sim.setConfig({ redirectTo: null });
});

test.afterAll(async () => {
  await sim.clearFaults();
  await sim.setLibrary(otpAccount.email, otpAccount.library);
});

test("the first import shows live progress, then its counts; syncing again finds nothing new", async ({
  page,
}) => {
  // Three pages of 1,000, the later two slow, so "1,000 of 2,500" stays on screen long enough to see.
  const account = await sim.setLibrary(otpAccount.email, {
    seed: otpAccount.library.seed,
    size: IMPORT_SIZE,
  });
  await sim.addFault({ route: "library", kind: "latency", latencyMs: 4_000, onlyPage: 2, persistent: true });
  await sim.addFault({ route: "library", kind: "latency", latencyMs: 4_000, onlyPage: 3, persistent: true });
  await sim.addFault({ route: "library", kind: "latency", latencyMs: 700, persistent: true });

  await signUpFresh(page, "sync");
  await connectByPaste(page, otpAccount);
  const card = audibleCard(page);
  const progress = card.getByTestId("sync-progress");
  await expect(progress).toBeVisible();
  await expect(card.getByRole("button", { name: "Sync now" })).toBeDisabled();
  await expect(progress.getByText(`1,000 of ${fmt(account.library.active)} titles`)).toBeVisible({
    timeout: 15_000,
  });
  await expect(progress.getByRole("progressbar")).toBeVisible();
  await captureBothSchemes(page, "audible-sync-progress");

  await expect(lastRun(page)).toContainText(
    `Added ${fmt(account.library.active)} · Updated 0 · Removed 0 · Failed 0`,
    {
      timeout: 30_000,
    },
  );
  await expect(progress).toBeHidden();
  await expect(card.getByText("Full scan finished")).toBeVisible();
  // The production build maps pages on its mapper thread, not on the thread that answers requests.
  const mapped = await pagesMappedBy(page);
  expect(mapped.worker).toBeGreaterThanOrEqual(3);
  expect(mapped.main).toBe(0);
  await expect(card.getByRole("definition").filter({ hasText: fmt(account.library.active) })).toBeVisible();
  await captureBothSchemes(page, "audible-sync-succeeded");

  await page.goto("/library");
  await expect(page.getByText("Your library is empty")).toBeHidden();
  await expect(page.getByText(`${fmt(account.library.active)} titles`)).toBeVisible();
  await expect(page.locator('a[href^="/library/"]').first()).toBeVisible();

  await sim.clearFaults();
  // The history's first read is answered before the next sync exists but reaches the browser only after
  // that sync has finished, as on a slow connection: the card must still read the history again.
  const stale = await holdFirstResponse(page, /\/api\/trpc\/[^?]*audible\.syncRuns/);
  await page.goto("/settings");
  await stale.answered;
  await card.getByRole("button", { name: "Sync now" }).click();
  await expect(lastRun(page)).toContainText("Changes only finished", { timeout: 30_000 });
  await expect(lastRun(page)).toContainText("Added 0 · Updated 0 · Removed 0 · Failed 0");
  stale.release();

  const runs = await openHistory(page);
  await expect(runs.getByTestId("sync-run")).toHaveCount(2);
  await expect(runs.getByTestId("sync-run").nth(0)).toContainText("Changes only");
  await expect(runs.getByTestId("sync-run").nth(0)).toContainText("by you");
  await expect(runs.getByTestId("sync-run").nth(1)).toContainText("Full scan");
  await expect(runs.getByTestId("sync-run").nth(1)).toContainText("after connecting");
  await expect(runs.getByText("Succeeded")).toHaveCount(2);
  await captureBothSchemes(page, "audible-sync-history");
});

test("titles Audible sends without a name are listed as failures, and an outage fails the run with a next step", async ({
  page,
}) => {
  await sim.setLibrary(otpAccount.email, otpAccount.library);
  // Every try of the first page comes back title-less, so the engine's retries give up on those titles.
  await sim.addFault({ route: "library", kind: "titleless-items", persistent: true });
  await signUpFresh(page, "sync-fail");
  await connectByPaste(page, otpAccount);
  const card = audibleCard(page);
  await expect(lastRun(page)).toContainText(`Failed ${otpAccount.library.size}`, { timeout: 30_000 });

  await sim.clearFaults();
  await sim.addFault({ route: "library", kind: "server-error", persistent: true });
  await card.getByRole("button", { name: "Sync now" }).click();
  await expect(lastRun(page).getByText("Audible is not answering")).toBeVisible({ timeout: 45_000 });
  await expect(lastRun(page)).toContainText("Changes only stopped");
  await expect(card.getByRole("button", { name: "Sync now" })).toBeEnabled();
  await captureBothSchemes(page, "audible-sync-failed");

  const runs = await openHistory(page);
  await expect(runs.getByTestId("sync-run")).toHaveCount(2);
  await expect(runs.getByText("Failed", { exact: true })).toHaveCount(1);
  await runs.getByText(`${otpAccount.library.size} titles could not be imported`).click();
  await expect(runs.locator("code").first()).toBeVisible();
  await captureBothSchemes(page, "audible-sync-history-failures");
});

test("the Import page shows the progress and offers Sync now; the podcast-episodes switch keeps its value", async ({
  page,
}) => {
  await sim.setLibrary(otpAccount.email, otpAccount.library);
  await sim.addFault({ route: "library", kind: "latency", latencyMs: 4_000, persistent: true });
  await signUpFresh(page, "sync-import");
  await connectByPaste(page, otpAccount);

  await page.goto("/import");
  const option = page.getByRole("region", { name: "Audible" });
  await expect(option.getByTestId("sync-progress")).toBeVisible();
  await expect(option.getByRole("button", { name: "Sync now" })).toBeDisabled();
  await captureBothSchemes(page, "audible-sync-import-progress");
  await expect(option.getByTestId("last-run")).toContainText(`Added ${otpAccount.library.size}`, {
    timeout: 30_000,
  });
  await expect(option.getByRole("button", { name: "Sync now" })).toBeEnabled();
  await expect(option.getByText(`${otpAccount.library.size} titles`)).toBeVisible();
  await captureBothSchemes(page, "audible-sync-import-option");

  await page.goto("/settings");
  const toggle = audibleCard(page).getByRole("switch", { name: "Import podcast episodes" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.focus();
  await captureBothSchemes(page, "audible-sync-podcast-setting");
  await page.reload();
  await expect(audibleCard(page).getByRole("switch", { name: "Import podcast episodes" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
});

test("when Audible signs Media Feed out, both cards offer Reconnect instead of Sync now, and reconnecting brings Sync now back", async ({
  page,
}) => {
  await sim.setLibrary(otpAccount.email, otpAccount.library);
  await signUpFresh(page, "sync-reauth");
  await connectByPaste(page, otpAccount);
  const card = audibleCard(page);
  await expect(lastRun(page)).toContainText(`Added ${otpAccount.library.size}`, { timeout: 30_000 });

  const signedOut = card.getByRole("status").filter({ hasText: "Audible signed Media Feed out" });
  await sim.revokeDevices({ email: otpAccount.email });
  await card.getByRole("button", { name: "Sync now" }).click();
  await expect(signedOut).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  await expect(card.getByRole("button", { name: "Full re-scan" })).toHaveCount(0);
  await expect(page.getByText("Audible sync failed: Audible signed Media Feed out")).toBeVisible();
  await captureBothSchemes(page, "audible-sync-reauth");

  await page.goto("/import");
  const option = page.getByRole("region", { name: "Audible" });
  await expect(option.getByRole("button", { name: "Reconnect" })).toBeVisible();
  await expect(option.getByRole("button", { name: "Sync now" })).toHaveCount(0);

  await page.goto("/settings");
  await card.getByRole("button", { name: "Reconnect" }).click();
  // Named for reconnecting until the sign-in starts; the paste step has a title of its own.
  const dialog = page.getByRole("dialog");
  await expect(page.getByRole("dialog", { name: "Reconnect Audible" })).toBeVisible();
  const popup = page.waitForEvent("popup");
  await dialog.getByRole("button", { name: "Open Amazon sign-in" }).click();
  const amazon = await popup;
  await amazon.waitForURL(/\/ap\/signin/);
  await dialog
    .getByLabel("Address of the page you landed on")
    .fill(await landOnMapLanding(amazon, otpAccount));
  await amazon.close();
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog.getByText("Audible reconnected")).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(signedOut).toBeHidden();
  await expect(card.getByRole("button", { name: "Sync now" })).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole("button", { name: "Reconnect" })).toHaveCount(0);
});
