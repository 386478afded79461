import { weatherV1, weatherV2 } from './demo-weather'

// Canned but plausible answers for the seeded demo APIs (weather in server/demo-weather.ts, and
// orders). Values are derived from the inputs, so the same question always gets the same answer.

type Answer = { status: number; body: unknown }

const ORDERS = Array.from({ length: 12 }, (_, i) => ({
  id: `ord_${String(1001 + i)}`,
  customer: ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'][i % 4],
  status: ['pending', 'paid', 'shipped', 'delivered'][i % 4],
  currency: 'USD',
  totalCents: 1999 + i * 750,
  items: [{ sku: `SKU-${100 + i}`, quantity: 1 + (i % 3), unitPriceCents: 1999 + i * 250 }],
  createdAt: new Date(Date.UTC(2026, 0, 1 + i, 9, 30)).toISOString(),
}))

export function demoAnswer(method: string, url: URL, body: string): Answer | null {
  const path = url.pathname.replace(/\/+$/, '')
  if (method === 'GET' && path.endsWith('/health')) return { status: 200, body: { ok: true } }

  // Weather v2 and v1 (their seeded upstreams are /weather/v2 and /weather/v1) answer as their
  // contracts say. Any other path (a database seeded before the split, the tests' own worlds) gets
  // v1's city answers, for London when no city is named.
  if (method === 'GET' && /(^|\/)weather\/v2(\/|$)/.test(path)) return weatherV2(path, url.searchParams)
  if (method === 'GET' && /(^|\/)weather\/v1(\/|$)/.test(path)) return weatherV1(path, url.searchParams)
  if (method === 'GET') {
    const params = new URLSearchParams(url.searchParams)
    if (!params.has('city')) params.set('city', 'London')
    const v1 = weatherV1(path, params)
    if (v1) return v1
  }

  const orders = /(?:^|\/)orders(?:\/([^/]+))?$/.exec(path)
  if (orders) {
    const id = orders[1]
    if (method === 'GET' && !id) {
      const status = url.searchParams.get('status')
      const data = status ? ORDERS.filter((o) => o.status === status) : ORDERS
      return { status: 200, body: { data, total: data.length } }
    }
    if (method === 'GET' && id) {
      const order = ORDERS.find((o) => o.id === id)
      return order ? { status: 200, body: order } : { status: 404, body: { error: 'order_not_found', id } }
    }
    if (method === 'POST' && !id) {
      let input: Record<string, unknown> = {}
      try {
        input = body ? (JSON.parse(body) as Record<string, unknown>) : {}
      } catch {
        return { status: 400, body: { error: 'invalid_json' } }
      }
      return {
        status: 201,
        body: { id: `ord_${1001 + ORDERS.length}`, status: 'pending', createdAt: new Date().toISOString(), ...input },
      }
    }
  }
  return null
}
