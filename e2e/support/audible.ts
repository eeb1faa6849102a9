import { expect, type Locator, type Page } from "@playwright/test";
import { DEFAULT_ACCOUNTS } from "../simulator/default-accounts";
import { SimControl } from "../simulator/control";
import { SIM_URL } from "./ports";
import { uniqueEmail } from "./screens";

export const sim = new SimControl(SIM_URL);

type SimAccount = (typeof DEFAULT_ACCOUNTS)[number];

function account(email: string): SimAccount {
  const found = DEFAULT_ACCOUNTS.find((a) => a.email === email);
  if (!found) throw new Error(`no simulator account ${email}`);
  return found;
}

export const otpAccount = account("otp@example.com");
export const demoAccount = account("demo@example.com");

/** A fresh Media Feed user per test, so rate limits and connections never leak between tests. */
export async function signUpFresh(page: Page, prefix = "audible") {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(uniqueEmail(prefix));
  await page.getByLabel("Password").fill("a long listening list");
  await page.getByRole("button", { name: "Create account" }).click();
  // Password hashing is deliberately slow, and slower still while a background import shares the machine.
  await expect(page).toHaveURL(/\/library$/, { timeout: 15_000 });
}

export function audibleCard(page: Page): Locator {
  return page.getByRole("region", { name: "Audible" });
}

/** Opens the modal on Settings and starts the sign-in; returns the Amazon tab. */
export async function startConnect(page: Page): Promise<{ dialog: Locator; amazon: Page }> {
  await page.goto("/settings");
  await audibleCard(page).getByRole("button", { name: "Connect Audible" }).click();
  const dialog = page.getByRole("dialog");
  const popup = page.waitForEvent("popup");
  await dialog.getByRole("button", { name: "Open Amazon sign-in" }).click();
  const amazon = await popup;
  await amazon.waitForURL(/\/ap\/signin/);
  await expect(dialog.getByLabel("Address of the page you landed on")).toBeVisible();
  return { dialog, amazon };
}

/** Signs in on the simulated Amazon page the way a person would, solving the one-time code if asked. */
export async function signInOnAmazon(amazon: Page, who: SimAccount) {
  await amazon.getByLabel("Email or mobile phone number").fill(who.email);
  await amazon.getByLabel("Password").fill(who.password);
  await amazon.getByRole("button", { name: "Sign in" }).click();
  const otp = "challenges" in who && "otp" in who.challenges ? who.challenges.otp : undefined;
  if (otp) {
    await amazon.getByLabel("Enter OTP").fill(otp);
    await amazon.getByRole("button", { name: "Sign in" }).click();
  }
}

export async function landOnMapLanding(amazon: Page, who: SimAccount): Promise<string> {
  await signInOnAmazon(amazon, who);
  await amazon.waitForURL(/\/ap\/maplanding\?/);
  return amazon.url();
}

/** Connects a fresh user's Audible on Settings by pasting the landing address, and closes the modal. */
export async function connectByPaste(page: Page, who: SimAccount) {
  const { dialog, amazon } = await startConnect(page);
  await dialog.getByLabel("Address of the page you landed on").fill(await landOnMapLanding(amazon, who));
  await amazon.close();
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog.getByText("Audible connected")).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}
