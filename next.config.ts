import type { NextConfig } from 'next'
import { contractUploadBodyLimit, SERVER_ACTION_BODY_LIMIT_BYTES } from './lib/http/body-limits'

// Security headers for every console page. The gateway (/gw/) never passes through Next. The
// Content-Security-Policy is not here: it carries a fresh nonce per request (proxy.ts).
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

const nextConfig: NextConfig = {
  // A second checkout-local server (a helper's dev server beside the e2e one) needs its own build dir.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // proxy.ts runs before every route and buffers request bodies up to this (10 MB by default,
    // which would cut a 13 MB contract upload short); the front door refuses larger ones first.
    proxyClientMaxBodySize: contractUploadBodyLimit(),
  },
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    'pg',
    '@readme/openapi-parser',
    'ioredis',
    'rate-limiter-flexible',
  ],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default nextConfig
