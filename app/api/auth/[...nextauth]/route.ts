// GET/POST /api/auth/* - Auth.js sign-in, callback, session and sign-out endpoints
import type { NextRequest } from 'next/server'
import { handlers } from '@/lib/auth/auth'
import { publicOrigin } from '@/lib/net/public-host'

// Auth.js builds single sign-on's redirect_uri from the request's URL, and behind the custom
// server that URL names the address it binds (http://0.0.0.0:3000), not the one the browser used:
// the token request would then carry another redirect_uri than the authorization did, and the
// provider refuses the code. So the URL is rebuilt on the public origin, unless AUTH_URL fixes it.
// A plain Request, because a NextRequest renames 127.0.0.1 to "localhost" (Next's NextURL), which
// is another redirect_uri again; without AUTH_URL, next-auth reads nothing but the standard members.
function onPublicOrigin(request: NextRequest): NextRequest {
  if (process.env.AUTH_URL) return request
  const origin = publicOrigin(request.headers, request.nextUrl.protocol.replace(':', ''))
  if (!origin) return request
  const url = new URL(request.nextUrl.pathname + request.nextUrl.search, origin)
  return new Request(url, request) as unknown as NextRequest
}

export const GET = (request: NextRequest) => handlers.GET(onPublicOrigin(request))
export const POST = (request: NextRequest) => handlers.POST(onPublicOrigin(request))
