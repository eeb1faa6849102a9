/**
 * A `javascript:` link the person drags to their bookmarks bar. Clicked on Amazon's "page not found",
 * it opens our landing page with that page's address, which carries the one-time code.
 */
export function buildBookmarklet(appOrigin: string): string {
  const target = JSON.stringify(`${appOrigin}/audible/callback?url=`);
  return `javascript:(()=>{location.href=${target}+encodeURIComponent(location.href)})()`;
}

/** The public origin: AUTH_URL when configured, else what the request says it was sent to. */
export function appOriginFrom(headers: Headers, configured?: string): string {
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto =
    headers.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
