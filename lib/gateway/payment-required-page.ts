import Negotiator from 'negotiator'
import { createHash } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import type { Problem } from '../errors/to-problem'
import { GATEWAY_CSP } from './security-headers'

// A browser that follows a link to a paid API gets a page a person can read, not raw JSON.
// Crawlers and caches must never keep it as the resource's content, hence noindex and no-store.

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}
h1{font-size:1.5rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#475569}
a.button{display:inline-block;margin-top:1rem;padding:.5rem 1rem;background:#0f172a;color:#fff;border-radius:.375rem;text-decoration:none}`

/** The gateway's CSP, relaxed by exactly one thing: this page's own inline style, by its hash (CSP3 §2.3.1). */
export const PAYMENT_PAGE_CSP = GATEWAY_CSP.replace(
  "default-src 'none'",
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
)

const MACHINE_TYPES = ['application/json', 'application/problem+json', 'text/html']

/** True when the client ranks text/html above JSON (a browser's navigation, not fetch() or curl). */
export function prefersHtml(headers: IncomingHttpHeaders): boolean {
  if (headers.accept === undefined || !headers.accept.includes('html')) return false
  return new Negotiator({ headers }).mediaType(MACHINE_TYPES) === 'text/html'
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c])

export function renderPaymentRequiredPage(problem: Problem): string {
  const topUpUrl = typeof problem.topUpUrl === 'string' && problem.topUpUrl.startsWith('/') ? problem.topUpUrl : null
  const facts: Array<[string, unknown]> = [
    ['Reason', problem.code],
    ['Balance', problem.balance !== undefined ? `${problem.balance} ${problem.currency ?? ''}` : undefined],
    ['This call costs', problem.required !== undefined ? `${problem.required} ${problem.currency ?? ''}` : undefined],
    ['Incident', problem.incidentId],
    ['Request id', problem.requestId],
  ]
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Payment required · Tollgate</title>
<style>${STYLE}</style>
</head><body><main>
<h1>402 · Payment required</h1>
<p>${escapeHtml(problem.detail)}</p>
<dl>${facts
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('')}</dl>
${topUpUrl ? `<a class="button" href="${escapeHtml(topUpUrl)}">Top up your balance</a>` : ''}
</main></body></html>`
}
