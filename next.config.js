// Next.js configuration. Deliberately does not import lib/env/config.ts (it is "server-only"); the app validates its
// configuration at server start instead (instrumentation.ts).
import createNextIntlPlugin from "next-intl/plugin";

// next-intl finds its request configuration (the language proxy.ts decided, and the catalogue) here. It only adds an
// alias for that file (Turbopack and webpack alike); headers, CSP nonces and everything else below stay ours.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** Sent with every response, pages and API routes alike. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Never framed (clickjacking on the preference and erasure buttons): the header for old browsers; the CSP's
  // frame-ancestors for modern ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers ignore this header over plain HTTP, so local and test servers are unaffected.
  { key: "Strict-Transport-Security", value: "max-age=31536000" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), browsing-topics=()",
  },
];

/**
 * Pages get a per-request policy with a script nonce from proxy.ts (lib/security/content-security-policy.ts). API
 * routes answer JSON (or redirect) and need nothing at all; next-auth's few built-in pages under /api/auth still post
 * their forms to this origin.
 */
const apiHeaders = [
  {
    key: "Content-Security-Policy",
    value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  },
];

/**
 * Pages reached with a link token or showing personal data: the token must not leak through the Referer header or a
 * cache. Listed after the general headers, so their Referrer-Policy wins.
 */
const TOKEN_PATHS = ["/p/:path*", "/u/:path*", "/s/:path*", "/e/:path*", "/me", "/me/:path*", "/signup/confirm/:path*"];
const tokenPageHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Cache-Control", value: "private, no-store" },
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Render <title> and other metadata in the initial HTML for every client, not streamed in afterwards: screen readers
  // and the accessibility checks see the page's title at once.
  htmlLimitedBots: /.*/,
  // CSV imports of up to 10 MB go through a server action; the file and the preview's hidden copy travel together.
  // Next has only this one limit for all server actions: proxy.ts holds every other action to 1 MB
  // (lib/http/server-action-body-limit.ts).
  experimental: {
    serverActions: { bodySizeLimit: "21mb" },
    // `next dev` keeps no Turbopack cache on disk between starts (issue 11). A dev server that was killed (SIGKILL, or
    // `next dev` killing its own server 100 ms after SIGTERM) leaves a cache in .next/dev/cache from which, on about
    // every second start, Turbopack reported a change after every request: "✓ Compiled in …" each time, and every
    // open page reloaded endlessly. With the cache off, every start compiles afresh (a few seconds more per page);
    // tests/dev/reload-loop.test.ts starts and stops `npm run dev` repeatedly to keep it that way.
    turbopackFileSystemCacheForDev: false,
  },
  // Loaded with Node's own require at run time instead of being bundled: PGlite and the schema engine load their
  // WebAssembly and data files relative to their own package, and pg / pg-boss are plain Node libraries.
  // prom-client: one copy for instrumentation.ts (which times requests) and the /api/metrics route (which reads them).
  serverExternalPackages: ["@electric-sql/pglite", "@prisma/schema-engine-wasm", "pg", "pg-boss", "prom-client"],
  async headers() {
    return [
      // X-Frame-Options DENY everywhere: the embeddable sign-up form (/embed/signup) is framed through its CSP's
      // frame-ancestors, which browsers obey instead of this header; a browser that knows only this header refuses.
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: apiHeaders },
      ...TOKEN_PATHS.map((source) => ({ source, headers: tokenPageHeaders })),
    ];
  },
};

export default withNextIntl(nextConfig);
