import { expect, test } from "@playwright/test";
import { audibleCard, connectByPaste, otpAccount, sim, signUpFresh } from "../support/audible";
import { captureBothSchemes } from "../support/screens";

test("Activity lists connect, sync and disconnect; deleting the account signs Media Feed out of Audible first", async ({
  page,
}) => {
  await signUpFresh(page, "account");
  const email = (await page
    .getByTitle(/@example\.com$/)
    .first()
    .getAttribute("title"))!;

  await connectByPaste(page, otpAccount);
  const card = audibleCard(page);
  await expect(card.getByTestId("last-run").getByText(/Added \d+/)).toBeVisible({ timeout: 60_000 });

  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity.getByText(/Full Audible import: \d+ added/)).toBeVisible({ timeout: 15_000 });
  await expect(activity.getByText("Connected Audible (audible.com)")).toBeVisible();
  await captureBothSchemes(page, "settings-activity");

  await sim.clearCalls();
  await page.getByRole("button", { name: "Delete account" }).click();
  const dialog = page.getByRole("dialog");
  const confirm = dialog.getByRole("button", { name: "Delete my account" });
  await dialog.getByLabel(/Type .* to confirm/).fill("someone-else@example.com");
  await expect(confirm).toBeDisabled();
  await captureBothSchemes(page, "delete-account-dialog");
  await dialog.getByLabel(/Type .* to confirm/).fill(email);
  await confirm.click();

  await expect(page).toHaveURL(/\/sign-in/, { timeout: 20_000 });
  const deregisters = await sim.calls("deregister");
  expect(deregisters).toHaveLength(1);
  expect(JSON.stringify(deregisters[0]?.body)).toContain('"deregister_all_existing_accounts":false');

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long listening list");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
});
