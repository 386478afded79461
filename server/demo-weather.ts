// The demo upstream's weather answers, one shape per seeded contract (prisma/seed/openapi):
// v1 looks a city up by name (?city=Paris,FR); v2 takes coordinates (?lat=&lon=), answers 400
// with problem+json when they are missing or out of range, and never returns v1's `city`.
// Values are derived from the inputs, so the same question always gets the same answer.

type Answer = { status: number; body: unknown }

const CONDITIONS = ['clear', 'partly-cloudy', 'cloudy', 'fog', 'drizzle', 'light-rain', 'rain', 'snow', 'thunderstorm']
const PLACES = [
  { name: 'Berlin', country: 'DE', lat: 52.52, lon: 13.405 },
  { name: 'Paris', country: 'FR', lat: 48.857, lon: 2.352 },
  { name: 'London', country: 'GB', lat: 51.507, lon: -0.128 },
  { name: 'Turin', country: 'IT', lat: 45.07, lon: 7.687 },
  { name: 'Oslo', country: 'NO', lat: 59.913, lon: 10.752 },
]

function seedOf(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

function conditionsFor(key: string, dayOffset: number) {
  const s = seedOf(`${key.toLowerCase()}:${dayOffset}`)
  const temperature = Math.round(((s % 400) / 10 - 5) * 10) / 10
  return {
    temperature,
    feelsLike: Math.round((temperature - (s % 30) / 10) * 10) / 10,
    humidity: 30 + (s % 60),
    wind: s % 45,
    condition: CONDITIONS[s % CONDITIONS.length],
  }
}

const problem = (status: number, title: string, detail: string): Answer => ({
  status,
  body: { type: 'about:blank', title, status, detail },
})

function dates(days: number): string[] {
  const today = new Date()
  return Array.from({ length: days }, (_, d) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + d)).toISOString().slice(0, 10),
  )
}

function forecastDay(key: string, date: string, d: number) {
  const c = conditionsFor(key, d)
  return { date, min: Math.round((c.temperature - 4) * 10) / 10, max: c.temperature, condition: c.condition }
}

/** weather-v1.yaml: GET /current and /forecast by city name. */
export function weatherV1(path: string, params: URLSearchParams): Answer | null {
  if (!/\/(current|forecast)$/.test(path)) return null
  const city = params.get('city')?.trim() ?? ''
  if (city.length < 2 || city.length > 120)
    return problem(404, 'City not found', 'Give a city name of 2 to 120 characters, e.g. city=Berlin,DE')
  const [name, country] = city.split(',').map((part) => part.trim())
  if (path.endsWith('/current')) {
    const c = conditionsFor(name, 0)
    return {
      status: 200,
      body: {
        city: name,
        ...(country ? { country: country.toUpperCase() } : {}),
        observedAt: new Date().toISOString(),
        temperature: c.temperature,
        feelsLike: c.feelsLike,
        humidity: c.humidity,
        windSpeed: c.wind / 3.6,
        condition: c.condition,
      },
    }
  }
  const days = Math.min(7, Math.max(1, Number(params.get('days') ?? 3) || 3))
  return { status: 200, body: { city: name, days: dates(days).map((date, d) => forecastDay(name, date, d)) } }
}

/** A query number inside [min, max], or the 400 that v2's contract promises. */
function coordinate(params: URLSearchParams, name: string, limit: number): number | Answer {
  const raw = params.get(name)
  const value = raw === null || raw.trim() === '' ? NaN : Number(raw)
  if (!Number.isFinite(value) || Math.abs(value) > limit)
    return problem(400, 'Invalid coordinates', `${name} must be a number from -${limit} to ${limit}`)
  return value
}

/** weather-v2.yaml: GET /current, /forecast/daily, /forecast/hourly and /alerts at a point. */
export function weatherV2(path: string, params: URLSearchParams): Answer | null {
  const operation = /\/(current|forecast\/daily|forecast\/hourly|alerts)$/.exec(path)?.[1]
  if (!operation) return null
  const lat = coordinate(params, 'lat', 90)
  if (typeof lat !== 'number') return lat
  const lon = coordinate(params, 'lon', 180)
  if (typeof lon !== 'number') return lon
  const place = PLACES.find((p) => Math.abs(p.lat - lat) < 0.5 && Math.abs(p.lon - lon) < 0.5)
  const location = { lat, lon, name: place?.name ?? null, country: place?.country ?? null }
  const key = `${lat.toFixed(2)},${lon.toFixed(2)}`
  if (operation === 'current') {
    const c = conditionsFor(key, 0)
    return {
      status: 200,
      body: {
        location,
        observedAt: new Date().toISOString(),
        temperature: c.temperature,
        feelsLike: c.feelsLike,
        humidity: c.humidity,
        pressureHpa: 990 + (seedOf(key) % 40),
        wind: { speed: c.wind / 3.6, gust: null, direction: seedOf(key) % 360 },
        condition: c.condition,
      },
    }
  }
  if (operation === 'forecast/daily') {
    const days = Math.min(14, Math.max(1, Number(params.get('days') ?? 7) || 7))
    return { status: 200, body: { location, days: dates(days).map((date, d) => forecastDay(key, date, d)) } }
  }
  if (operation === 'forecast/hourly') {
    const hours = Math.min(48, Math.max(1, Number(params.get('hours') ?? 24) || 24))
    const start = Math.floor(Date.now() / 3_600_000) * 3_600_000
    return {
      status: 200,
      body: {
        location,
        hours: Array.from({ length: hours }, (_, h) => ({
          time: new Date(start + h * 3_600_000).toISOString(),
          temperature: conditionsFor(key, h).temperature,
          precipitationMm: (seedOf(`${key}:${h}`) % 30) / 10,
        })),
      },
    }
  }
  return { status: 200, body: { alerts: [] } }
}
