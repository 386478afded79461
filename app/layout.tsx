import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import { connection } from 'next/server'
import { parseTheme, THEME_COOKIE } from '@/components/shell/theme'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Tollgate', template: '%s · Tollgate' },
  description: 'Self-hosted API lifecycle console and gateway',
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: scripts run only with the request's CSP nonce (proxy.ts), and
  // a page prerendered at build time would carry none (the 404 page was the one such page).
  await connection()
  // A picked scheme is a class on <html>; without one the CSS follows prefers-color-scheme.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value)
  return (
    <html lang="en" className={theme === 'system' ? undefined : theme}>
      <body className="font-sans">{children}</body>
    </html>
  )
}
