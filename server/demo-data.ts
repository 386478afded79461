// Canned but plausible answers for the seeded demo APIs (weather and orders). Values are derived
// from the inputs, so the same question always gets the same answer.

type Answer = { status: number; body: unknown }

const CONDITIONS = ['clear', 'partly cloudy', 'overcast', 'light rain', 'showers', 'thunderstorms', 'snow', 'fog']

function seedOf(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

function weatherFor(city: string, dayOffset: number) {
  const s = seedOf(`${city.toLowerCase()}:${dayOffset}`)
  return {
    temperatureC: Math.round(((s % 400) / 10 - 5) * 10) / 10,
    conditions: CONDITIONS[s % CONDITIONS.length],
    humidity: 30 + (s % 60),
    windKph: s % 45,
  }
}

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

  if (method === 'GET' && /(^|\/)current$/.test(path)) {
    const city = url.searchParams.get('city') ?? 'London'
    return {
      status: 200,
      body: { city, observedAt: new Date().toISOString(), units: 'metric', ...weatherFor(city, 0) },
    }
  }
  if (method === 'GET' && /(^|\/)forecast$/.test(path)) {
    const city = url.searchParams.get('city') ?? 'London'
    const days = Math.min(14, Math.max(1, Number(url.searchParams.get('days') ?? 3) || 3))
    const today = new Date()
    return {
      status: 200,
      body: {
        city,
        units: 'metric',
        days: Array.from({ length: days }, (_, d) => ({
          date: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + d))
            .toISOString()
            .slice(0, 10),
          ...weatherFor(city, d),
        })),
      },
    }
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
