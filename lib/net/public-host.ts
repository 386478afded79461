// The host (and origin) a browser used to reach this server. The front door (server/front-door.ts)
// has validated Host and dropped X-Forwarded-* unless a trusted proxy sent them, so what is left
// here can be believed: X-Forwarded-Host and -Proto when a proxy set them, else Host.

export function publicHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host')
}

/** "https://tollgate.example.com", or null without a host; `fallbackProtocol` is the socket's ("http"). */
export function publicOrigin(headers: Headers, fallbackProtocol: string): string | null {
  const host = publicHost(headers)
  if (!host) return null
  const protocol = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || fallbackProtocol
  return `${protocol === 'https' ? 'https' : 'http'}://${host}`
}
