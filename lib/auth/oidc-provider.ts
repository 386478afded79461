import type { Provider } from 'next-auth/providers'

// An optional OpenID Connect provider (Keycloak, Authentik, Okta, ...) configured purely by
// environment variables. Without AUTH_OIDC_ISSUER, only email and password sign-in is offered.
export function oidcProviders(): Provider[] {
  const issuer = process.env.AUTH_OIDC_ISSUER
  const clientId = process.env.AUTH_OIDC_CLIENT_ID
  if (!issuer || !clientId) return []
  return [
    {
      id: 'oidc',
      name: process.env.AUTH_OIDC_NAME || 'Single sign-on',
      type: 'oidc',
      issuer,
      clientId,
      clientSecret: process.env.AUTH_OIDC_CLIENT_SECRET,
      checks: ['pkce', 'state'],
      // Some providers send the groups claim only for a scope of its own (Okta's "groups").
      authorization: { params: { scope: process.env.AUTH_OIDC_SCOPE?.trim() || 'openid email profile' } },
    },
  ]
}

export function oidcDisplayName(): string | null {
  return process.env.AUTH_OIDC_ISSUER && process.env.AUTH_OIDC_CLIENT_ID
    ? process.env.AUTH_OIDC_NAME || 'Single sign-on'
    : null
}
