import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./index";

/**
 * The real gate for pages: proxy.ts only redirects on a missing cookie, so every protected
 * layout checks the session itself and comes back to the page after sign-in.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  const path = (await headers()).get("x-pathname") ?? "/library";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}
