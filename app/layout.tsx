import type { Metadata } from 'next'
import { connection } from 'next/server'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Tollgate', template: '%s · Tollgate' },
  description: 'Self-hosted API lifecycle console and gateway',
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: scripts run only with the request's CSP nonce (proxy.ts), and
  // a page prerendered at build time would carry none (the 404 page was the one such page).
  await connection()
  return (
    <html lang="en">
      <body className="font-sans">{children}</body>
    </html>
  )
}
