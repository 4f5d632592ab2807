/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm run check` type-checks everything once (tests included) before the build runs.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for a page the user's role or grants do not open.
    authInterrupts: true,
    // A route's code loads on its first request, not every route's at start: a server holds only
    // the pages it serves (issue 11: a quarter of a gigabyte per server).
    preloadEntriesOnStart: false,
  },
  // PGlite loads its WebAssembly and data files from its package folder at run time; the provider
  // clients' undici is loaded by Node as it ships (lazily required parts, its WebAssembly parser),
  // never rebuilt into the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "undici"],
  // The sandbox and the scripts run beside the app, never inside its bundle.
  outputFileTracingExcludes: { "*": ["lib/sandbox/**", "lib/cli/**", "e2e/**"] },
};

export default nextConfig;
