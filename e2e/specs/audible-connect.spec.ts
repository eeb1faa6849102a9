import { expect, test } from "@playwright/test";
import {
  audibleCard,
  demoAccount,
  landOnMapLanding,
  otpAccount,
  signInOnAmazon,
  signUpFresh,
  sim,
  startConnect,
} from "../support/audible";
import { captureBothSchemes } from "../support/screens";

const PASTE_LABEL = "Address of the page you landed on";

test.beforeEach(async () => {
  await sim.clearFaults();
  await sim.clearCalls();
  await sim.setConfig({ redirectTo: null });
});

test("connect by pasting the landing address, then disconnect this device only", async ({ page }) => {
  await signUpFresh(page);
  await page.goto("/settings");
  const card = audibleCard(page);
  await expect(card.getByText("Not connected")).toBeVisible();
  await captureBothSchemes(page, "audible-card-not-connected");

  await card.getByRole("button", { name: "Connect Audible" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Marketplace")).toContainText("United States");
  await captureBothSchemes(page, "audible-modal-marketplace");
  await dialog.getByLabel("Marketplace").click();
  await expect(page.getByRole("option")).toHaveCount(11);
  await captureBothSchemes(page, "audible-modal-marketplace-open");
  // Switching the colour scheme for the screenshots can close the list; reopen it if so.
  if (!(await page.getByRole("listbox").isVisible())) await dialog.getByLabel("Marketplace").click();
  await page.getByRole("option", { name: /United States/ }).click();

  const popup = page.waitForEvent("popup");
  await dialog.getByRole("button", { name: "Open Amazon sign-in" }).click();
  const amazon = await popup;
  await amazon.waitForURL(/\/ap\/signin/);
  const field = dialog.getByLabel(PASTE_LABEL);
  await expect(field).toBeVisible();
  await expect(dialog.getByRole("link", { name: "Send to Media Feed" })).toHaveAttribute(
    "href",
    /^javascript:/,
  );
  await captureBothSchemes(page, "audible-modal-steps");

  const landing = await landOnMapLanding(amazon, otpAccount);

  await field.fill(landing.replace("/ap/maplanding", "/ap/signin"));
  await expect(dialog.getByText("That is the sign-in page")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Connect" })).toBeDisabled();
  await captureBothSchemes(page, "audible-modal-invalid-signin-address");
  await field.fill("https://www.example.com/ap/maplanding?openid.oa2.authorization_code=x");
  await expect(dialog.getByText("That address is not Amazon's landing page")).toBeVisible();
  await field.fill(landing.replace(/^http:\/\/127\.0\.0\.1:\d+\/www\.amazon\.com/, "http://www.amazon.com"));
  await expect(dialog.getByText("That is not a page address")).toBeVisible();
  await field.fill(landing.replace(/openid\.oa2\.authorization_code=[^&]+&?/, ""));
  await expect(dialog.getByText("The sign-in code is missing")).toBeVisible();
  await captureBothSchemes(page, "audible-modal-invalid-code-missing");

  // Slow registration down so the progress state can be seen and photographed.
  await sim.addFault({ route: "register", kind: "latency", latencyMs: 2500 });
  await field.fill(landing);
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog.getByText("Connecting to Audible…")).toBeVisible();
  await captureBothSchemes(page, "audible-modal-connecting");
  await expect(dialog.getByText("Audible connected")).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByText(`Signed in as ${otpAccount.name}`)).toBeVisible();
  await captureBothSchemes(page, "audible-modal-success");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  await expect(card.getByText("Connected", { exact: true })).toBeVisible();
  await expect(card.getByText(otpAccount.name)).toBeVisible();
  // Connecting queues the first import at once, so the card shows its progress or, if it was quick, its counts.
  await expect(card.getByTestId("sync-progress").or(card.getByTestId("last-run"))).toBeVisible();
  await captureBothSchemes(page, "audible-card-connected");
  expect((await sim.calls("register")).length).toBe(1);

  await card.getByRole("button", { name: "Disconnect" }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm.getByRole("checkbox", { name: "Keep my imported books" })).toBeChecked();
  await captureBothSchemes(page, "audible-disconnect-dialog");
  await confirm.getByRole("button", { name: "Disconnect" }).click();
  await expect(confirm).toBeHidden();
  await expect(card.getByText("Audible disconnected")).toBeVisible();
  await expect(card.getByRole("button", { name: "Connect Audible" })).toBeVisible();
  await captureBothSchemes(page, "audible-card-disconnected");

  const deregisters = await sim.calls("deregister");
  expect(deregisters).toHaveLength(1);
  expect(deregisters[0]?.body).toMatchObject({ deregister_all_existing_accounts: false });
});

test("the bookmarklet sends the landing address to /audible/callback, which finishes the attempt", async ({
  page,
}) => {
  await signUpFresh(page);
  const { dialog, amazon } = await startConnect(page);
  const bookmarklet = await dialog.getByRole("link", { name: "Send to Media Feed" }).getAttribute("href");
  expect(bookmarklet).toMatch(/^javascript:/);
  await landOnMapLanding(amazon, demoAccount);

  await sim.addFault({ route: "register", kind: "latency", latencyMs: 2500 });
  // Exactly what clicking the bookmark does on Amazon's page.
  await amazon.evaluate(
    (code) => (0, eval)(decodeURIComponent(code.slice("javascript:".length))),
    bookmarklet!,
  );
  await amazon.waitForURL(/\/audible\/callback/);
  await expect(amazon.getByText("Connecting to Audible…")).toBeVisible();
  await captureBothSchemes(amazon, "audible-landing-progress");
  await expect(amazon.getByRole("heading", { name: "Connected" })).toBeVisible({ timeout: 15_000 });
  await captureBothSchemes(amazon, "audible-landing-success");
  await amazon.waitForURL(/\/settings$/);
  await expect(audibleCard(amazon).getByText("Connected", { exact: true })).toBeVisible();
  expect((await sim.calls("register")).length).toBe(1);

  // The attempt was used and forgotten: sending the same address again is refused with a way back.
  await amazon.goto(
    `/audible/callback?url=${encodeURIComponent("https://www.amazon.com/ap/maplanding?x=1")}`,
  );
  await expect(amazon.getByText("No sign-in in progress in this browser")).toBeVisible();
  await expect(amazon.getByRole("link", { name: "Start again in Settings" })).toBeVisible();
  await captureBothSchemes(amazon, "audible-landing-failure-no-attempt");
  expect((await sim.calls("register")).length).toBe(1);
});

test("the landing page refuses an expired attempt and an empty visit", async ({ page }) => {
  await signUpFresh(page);
  const { amazon } = await startConnect(page);
  const landing = await landOnMapLanding(amazon, demoAccount);
  // The attempt lives in the app's storage, so it is aged from the app's tab.
  await page.evaluate(() => {
    const key = "media-feed:audible-connect-attempt";
    const stored = JSON.parse(localStorage.getItem(key) ?? "{}") as Record<string, unknown>;
    localStorage.setItem(key, JSON.stringify({ ...stored, expiresAt: new Date(Date.now() - 1000) }));
  });
  await amazon.goto(`/audible/callback?url=${encodeURIComponent(landing)}`);
  await expect(amazon.getByText("This sign-in has expired")).toBeVisible();
  await captureBothSchemes(amazon, "audible-landing-failure-expired");

  await amazon.goto("/audible/callback");
  await expect(amazon.getByText("Nothing to finish here")).toBeVisible();
  expect(await sim.calls("register")).toHaveLength(0);
});

test("redirect mode: Amazon sends the browser to /audible/callback?code=&state=", async ({ page }) => {
  await signUpFresh(page);
  await sim.setConfig({ redirectTo: new URL("/audible/callback", page.url()).toString() });
  const { amazon } = await startConnect(page);
  await signInOnAmazon(amazon, demoAccount);
  await amazon.waitForURL(/\/settings$/, { timeout: 15_000 });
  await expect(audibleCard(amazon).getByText("Connected", { exact: true })).toBeVisible();
  await expect(audibleCard(amazon).getByText(demoAccount.name)).toBeVisible();
});

test("a code Amazon no longer accepts says so and offers to start again", async ({ page }) => {
  await signUpFresh(page);
  const { dialog, amazon } = await startConnect(page);
  const landing = await landOnMapLanding(amazon, demoAccount);
  // Authorization codes live five minutes at Amazon.
  await sim.advanceClock(6 * 60);
  try {
    await dialog.getByLabel(PASTE_LABEL).fill(landing);
    await dialog.getByRole("button", { name: "Connect" }).click();
    await expect(dialog.getByText("Amazon did not accept the sign-in code")).toBeVisible();
    await captureBothSchemes(page, "audible-modal-error-code-invalid");
    await dialog.getByRole("button", { name: "Start again" }).click();
    await expect(dialog.getByRole("button", { name: "Open Amazon sign-in" })).toBeVisible();
  } finally {
    await sim.advanceClock(-6 * 60);
  }
});

test("Audible being down is explained, and nothing is connected", async ({ page }) => {
  await signUpFresh(page);
  const { dialog, amazon } = await startConnect(page);
  const landing = await landOnMapLanding(amazon, demoAccount);
  await sim.addFault({ route: "register", kind: "html-503", persistent: true });
  await dialog.getByLabel(PASTE_LABEL).fill(landing);
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog.getByText("Audible is not answering")).toBeVisible({ timeout: 30_000 });
  await captureBothSchemes(page, "audible-modal-error-unavailable");
  await dialog.getByRole("button", { name: "Close" }).first().click();
  await expect(audibleCard(page).getByRole("button", { name: "Connect Audible" })).toBeVisible();
});

test("when Amazon cannot be told about the disconnect, the card says how to remove the device", async ({
  page,
}) => {
  await signUpFresh(page);
  const { dialog, amazon } = await startConnect(page);
  await dialog.getByLabel(PASTE_LABEL).fill(await landOnMapLanding(amazon, demoAccount));
  await dialog.getByRole("button", { name: "Connect" }).click();
  await dialog.getByRole("button", { name: "Done" }).click();
  const card = audibleCard(page);
  await expect(card.getByText("Connected", { exact: true })).toBeVisible();

  await sim.addFault({ route: "deregister", kind: "server-error", persistent: true });
  await card.getByRole("button", { name: "Disconnect" }).click();
  const confirm = page.getByRole("dialog");
  await confirm.getByRole("checkbox", { name: "Keep my imported books" }).click();
  await expect(confirm.getByText("Books imported from Audible are removed")).toBeVisible();
  await confirm.getByRole("button", { name: "Disconnect" }).click();
  await expect(card.getByText("Disconnected, but Amazon could not be told")).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText(/Manage Your Content and Devices/)).toBeVisible();
  await captureBothSchemes(page, "audible-card-disconnected-not-deregistered");
});

test("the fourth sign-in start within the hour is refused with the wait time", async ({ page }) => {
  await signUpFresh(page, "ratelimit");
  await page.goto("/settings");
  await audibleCard(page).getByRole("button", { name: "Connect Audible" }).click();
  const dialog = page.getByRole("dialog");
  for (let i = 0; i < 3; i += 1) {
    const popup = page.waitForEvent("popup");
    await dialog.getByRole("button", { name: "Open Amazon sign-in" }).click();
    await (await popup).close();
    await expect(dialog.getByLabel(PASTE_LABEL)).toBeVisible();
    await dialog.getByRole("button", { name: "Start again" }).click();
  }
  await dialog.getByRole("button", { name: "Open Amazon sign-in" }).click();
  await expect(dialog.getByText("Too many attempts")).toBeVisible();
  await expect(dialog.getByText(/Try again in \d+ minutes?\./)).toBeVisible();
  await captureBothSchemes(page, "audible-modal-error-rate-limited");
});

test("the Import page offers the same modal and shows the status once connected", async ({ page }) => {
  await signUpFresh(page);
  await page.goto("/import");
  const option = page.getByRole("region", { name: "Audible" });
  await captureBothSchemes(page, "audible-import-not-connected");
  await option.getByRole("button", { name: "Connect Audible" }).click();
  const dialog = page.getByRole("dialog");
  const popup = page.waitForEvent("popup");
  await dialog.getByRole("button", { name: "Open Amazon sign-in" }).click();
  const amazon = await popup;
  await dialog.getByLabel(PASTE_LABEL).fill(await landOnMapLanding(amazon, demoAccount));
  await dialog.getByRole("button", { name: "Connect" }).click();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(option.getByText("Connected", { exact: true })).toBeVisible();
  await expect(option.getByRole("link", { name: "Manage in Settings" })).toBeVisible();
  await captureBothSchemes(page, "audible-import-connected");
});
