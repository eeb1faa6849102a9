/** Only same-site paths are followed after sign-in; anything else (another origin, `//host`) goes home. */
export function safeCallbackPath(value: unknown, fallback = "/library"): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\")
  ) {
    return fallback;
  }
  if (value.startsWith("/sign-in") || value.startsWith("/sign-up") || value.startsWith("/api/"))
    return fallback;
  return value;
}
