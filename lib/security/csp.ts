/**
 * The page policy: scripts only with this response's nonce (and what they load, via 'strict-dynamic'),
 * no plugins, no framing, no <base> tricks. Development adds 'unsafe-eval', which React's dev tooling needs.
 * Styles keep 'unsafe-inline' because React writes style attributes; no script can run from them.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  const scriptSrc = [
    "'self'",
    `'nonce-${nonce}'`,
    "'strict-dynamic'",
    ...(development ? ["'unsafe-eval'"] : []),
  ];
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    // Covers come from Amazon's image CDN (any https host in other marketplaces) and data: placeholders.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
