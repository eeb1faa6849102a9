import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PROTECTED = ["/library", "/import", "/settings", "/audible", "/stats"];
const development = process.env.NODE_ENV !== "production";

const isProtected = (path: string) =>
  PROTECTED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Every page gets a fresh CSP nonce (Next reads it from the request's CSP header and stamps its own
 * scripts with it). Protected pages without a session cookie go to sign-in: an optimistic check only,
 * since layouts verify the session for real.
 */
export function proxy(req: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, development);
  const path = `${req.nextUrl.pathname}${req.nextUrl.search}`;
  const hasSession = req.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((prefix) => name.startsWith(prefix)));

  if (isProtected(req.nextUrl.pathname) && !hasSession) {
    const url = new URL("/sign-in", req.nextUrl.origin);
    url.searchParams.set("callbackUrl", path);
    const redirect = NextResponse.redirect(url);
    redirect.headers.set("Content-Security-Policy", csp);
    return redirect;
  }

  const forwarded = new Headers(req.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", csp);
  forwarded.set("x-pathname", path);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON and static assets carry the static headers from next.config.mjs.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
