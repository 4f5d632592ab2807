/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The sandbox and the scripts run beside the app, never inside its bundle.
  outputFileTracingExcludes: { "*": ["lib/sandbox/**", "lib/cli/**", "e2e/**"] },
};

export default nextConfig;
