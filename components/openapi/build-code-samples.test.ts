import { expect, test } from 'vitest'
import type { OperationModel } from '@/lib/openapi/build-reference-detail'
import { buildCodeSamples } from './build-code-samples'

const BASE = 'http://localhost:3000/gw/acme/weather/v1'
const schema = { type: 'string' }
const forecast: OperationModel = {
  key: 'POST /forecast/{city}',
  method: 'post',
  path: '/forecast/{city}',
  anchor: 'forecast',
  deprecated: false,
  parameters: [
    { name: 'city', in: 'path', required: true, deprecated: false, schema },
    { name: 'units', in: 'query', required: true, deprecated: false, schema },
    { name: 'lang', in: 'query', required: false, deprecated: false, schema },
  ],
  requestBody: {
    required: true,
    content: [
      {
        mediaType: 'application/json',
        examples: [{ label: 'Example', text: '{"days": 3, "hourly": false, "note": null}' }],
      },
    ],
  },
  responses: [],
}

test('[REFERENCE] samples in curl, fetch and requests fill the path and required query, and read the key from TOLLGATE_KEY', () => {
  const samples = buildCodeSamples(BASE, forecast, false)
  expect(samples.map((s) => s.id)).toEqual(['curl', 'javascript', 'python'])
  const [curl, js, python] = samples.map((s) => s.code)
  expect(curl).toBe(
    [
      `curl -X POST '${BASE}/forecast/<city>?units=<units>'`,
      '-H "Authorization: Bearer $TOLLGATE_KEY"',
      "-H 'content-type: application/json'",
      `--data-raw '{"days": 3, "hourly": false, "note": null}'`,
    ].join(' \\\n  '),
  )
  expect(js).toContain(`fetch("${BASE}/forecast/<city>?units=<units>"`)
  expect(js).toContain('Authorization: `Bearer ${process.env.TOLLGATE_KEY}`')
  expect(js).toContain('body: JSON.stringify({"days": 3, "hourly": false, "note": null})')
  expect(python).toContain(`"${BASE}/forecast/<city>?units=<units>"`)
  expect(python).toContain('"hourly": False,')
  expect(python).toContain('"note": None,')
  expect(python).toContain("os.environ['TOLLGATE_KEY']")
  expect(samples.some((s) => s.code.includes('tg_'))).toBe(false)
})

test("[REFERENCE] an AI API's chat operation adds the OpenAI SDK samples against the gateway base URL", () => {
  const chat = { ...forecast, method: 'post', path: '/chat/completions', parameters: [] }
  const samples = buildCodeSamples(BASE, chat, true)
  expect(samples.map((s) => s.id)).toEqual(['curl', 'javascript', 'python', 'openai-python', 'openai-js'])
  expect(samples[3].code).toContain(`OpenAI(base_url="${BASE}", api_key=os.environ["TOLLGATE_KEY"])`)
  expect(samples[4].code).toContain(`new OpenAI({ baseURL: "${BASE}", apiKey: process.env.TOLLGATE_KEY })`)
  expect(buildCodeSamples(BASE, chat, false).map((s) => s.id)).toEqual(['curl', 'javascript', 'python'])
})
