import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// An optimistic check only (no database here): layouts verify the session for real.
export function proxy(req: NextRequest) {
  const path = `${req.nextUrl.pathname}${req.nextUrl.search}`;
  const hasSession = req.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((prefix) => name.startsWith(prefix)));
  if (!hasSession) {
    const url = new URL("/sign-in", req.nextUrl.origin);
    url.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(url);
  }
  const forwarded = new Headers(req.headers);
  forwarded.set("x-pathname", path);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  matcher: ["/library/:path*", "/import/:path*", "/settings/:path*", "/audible/:path*", "/stats/:path*"],
};
