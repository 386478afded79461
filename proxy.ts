import NextAuth from 'next-auth'
import { authConfig } from '@/lib/auth/auth.config'

// Next 16 renamed middleware to proxy. This only redirects signed-out visitors to /login;
// every page and action still checks membership and permissions on the server.
const { auth } = NextAuth(authConfig)
export default auth

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|gw/).*)'] }
