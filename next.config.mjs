/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite ships wasm; keeping it external stops Turbopack copying it into public static assets.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  // `npm run typecheck` (part of `npm run check` and CI) checks the whole repository once;
  // the build would repeat it over e2e/ and scripts/ too.
  typescript: { ignoreBuildErrors: true },
};

nextConfig.headers = async () => [
  {
    source: "/:path*",
    headers: [
      { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ],
  },
];

export default nextConfig;
