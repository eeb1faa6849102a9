/**
 * A `javascript:` link the person drags to their bookmarks bar. Clicked on Amazon's "page not found",
 * it opens our landing page with that page's address, which carries the one-time code.
 */
export function buildBookmarklet(appOrigin: string): string {
  const target = JSON.stringify(`${appOrigin}/audible/callback?url=`);
  return `javascript:(()=>{location.href=${target}+encodeURIComponent(location.href)})()`;
}
