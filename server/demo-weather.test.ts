import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from './demo-upstream'

// The demo upstream honours the seeded Weather contracts (prisma/seed/openapi/weather-v*.yaml),
// so try-it against the demo data answers what the reference promises.

let upstream: DemoUpstream
beforeAll(async () => {
  upstream = await startDemoUpstream(0)
})
afterAll(async () => upstream?.close())

const get = async (path: string) => {
  const res = await fetch(`${upstream.url}${path}`)
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  }
}

test.each([
  ['lat is not a number', '/weather/v2/current?lat=abc&lon=13.4', 'lat must be a number from -90 to 90'],
  ['lat is missing', '/weather/v2/forecast/daily?lon=13.4', 'lat must be a number from -90 to 90'],
  ['lon is out of range', '/weather/v2/alerts?lat=52.5&lon=181', 'lon must be a number from -180 to 180'],
  ['lat is empty', '/weather/v2/forecast/hourly?lat=&lon=1', 'lat must be a number from -90 to 90'],
])('v2 answers 400 problem+json when %s', async (_label, path, detail) => {
  const res = await get(path)
  expect(res).toMatchObject({ status: 400, type: 'application/problem+json', body: { status: 400, detail } })
})

test('v2 current conditions have the contract’s location and never v1’s city', async () => {
  const res = await get('/weather/v2/current?lat=52.52&lon=13.405')
  expect(res.status).toBe(200)
  expect(res.body).not.toHaveProperty('city')
  expect(res.body.location).toEqual({ lat: 52.52, lon: 13.405, name: 'Berlin', country: 'DE' })
  expect(Object.keys(res.body).sort()).toEqual(
    ['condition', 'feelsLike', 'humidity', 'location', 'observedAt', 'pressureHpa', 'temperature', 'wind'].sort(),
  )
})

test('v2 forecasts and alerts answer in the contract’s shapes, without city', async () => {
  const daily = await get('/weather/v2/forecast/daily?lat=48.857&lon=2.352&days=3')
  expect(daily.status).toBe(200)
  expect(daily.body).not.toHaveProperty('city')
  expect(daily.body.days).toHaveLength(3)
  expect((daily.body.days as object[])[0]).toEqual({
    date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    min: expect.any(Number),
    max: expect.any(Number),
    condition: expect.any(String),
  })
  const hourly = await get('/weather/v2/forecast/hourly?lat=48.857&lon=2.352&hours=5')
  expect(hourly.body.hours).toHaveLength(5)
  expect(await get('/weather/v2/alerts?lat=48.857&lon=2.352')).toMatchObject({ status: 200, body: { alerts: [] } })
})

test('v1 looks a city up by name, as its contract says', async () => {
  const res = await get('/weather/v1/current?city=Paris,FR')
  expect(res).toMatchObject({ status: 200, body: { city: 'Paris', country: 'FR', temperature: expect.any(Number) } })
  expect((await get('/weather/v1/forecast?city=Oslo&days=2')).body.days).toHaveLength(2)
  expect((await get('/weather/v1/current')).status).toBe(404)
})
