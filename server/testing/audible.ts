import { signIn, type FormAnswers } from "@/e2e/simulator/test-flow";
import type { Marketplace } from "@/lib/validation/audible";
import type { createCaller } from "@/server/trpc/root";

type Caller = ReturnType<typeof createCaller>;

/** Starts an attempt and signs in on the simulated Amazon, returning the address a person would paste. */
export async function landOnAmazon(caller: Caller, answers: FormAnswers, marketplace: Marketplace = "us") {
  const started = await caller.audible.connect.start({ marketplace });
  const { location, status } = await signIn(started.signInUrl, answers);
  if (!location) throw new Error(`simulated sign-in did not finish (HTTP ${status})`);
  return { started, landingUrl: location };
}

export async function connectThroughRouter(
  caller: Caller,
  answers: FormAnswers,
  marketplace: Marketplace = "us",
) {
  const { started, landingUrl } = await landOnAmazon(caller, answers, marketplace);
  return caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl });
}
