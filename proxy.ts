import NextAuth from 'next-auth'
import { NextResponse } from 'next/server'
import { authConfig } from '@/lib/auth/auth.config'
import { NONCE_HEADER, contentSecurityPolicy, createNonce } from '@/lib/http/content-security-policy'

// Next 16 renamed middleware to proxy. It stays edge-safe (no database) and does two things:
// - a coarse redirect of visitors with no session cookie to /login (authConfig.callbacks.authorized);
//   whether a session is still live (not signed out, user not removed or disabled) is checked by
//   the server's auth() on every page, action and route handler;
// - a fresh CSP nonce per request, on the request (Next reads it from there and puts it on its
//   scripts) and on the response.
const { auth } = NextAuth(authConfig)

export default auth((request) => {
  const nonce = createNonce()
  const policy = contentSecurityPolicy(nonce)
  const headers = new Headers(request.headers)
  headers.set(NONCE_HEADER, nonce)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  return response
})

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|gw/).*)'] }
