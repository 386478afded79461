import { expect, test } from 'vitest'
import { buildCurlCommand, shellQuote } from './build-curl-command'
import { gatewaySuffix, parseReplay, replayHref } from './replay-href'

test('[CALLS] the curl command names $TOLLGATE_KEY, never a key, and quotes what the shell would expand', () => {
  const command = buildCurlCommand({
    origin: 'http://localhost:3000',
    method: 'post',
    path: '/gw/acme/weather/v1/forecast',
    query: 'city=Oslo&units=metric',
    headers: [
      ['authorization', '[redacted]'],
      ['content-type', 'application/json'],
      ['x-note', "it's $HOME `id`"],
      ['x-secret-token', '[redacted]'],
      ['host', 'localhost:3000'],
    ],
    body: '{"name":"O\'Brien $(rm -rf /)"}',
  })
  expect(command).toBe(
    [
      "curl -X POST 'http://localhost:3000/gw/acme/weather/v1/forecast?city=Oslo&units=metric'",
      '-H "Authorization: Bearer $TOLLGATE_KEY"',
      "-H 'content-type: application/json'",
      "-H 'x-note: it'\\''s $HOME `id`'",
      `--data-raw '{"name":"O'\\''Brien $(rm -rf /)"}'`,
    ].join(' \\\n  '),
  )
  expect(command).not.toContain('redacted')
})

test.each([
  ['plain', "'plain'"],
  ["a'b", "'a'\\''b'"],
  ['', "''"],
])('[CALLS] shellQuote(%j)', (input, quoted) => {
  expect(shellQuote(input)).toBe(quoted)
})

test('[CALLS] replay links carry the call to the catalog try-it and read back only what is well-formed', () => {
  const href = replayHref(
    { teamSlug: 'acme', apiSlug: 'weather', version: 'v1' },
    { method: 'GET', path: '/gw/acme/weather/v1/forecast/today', query: 'city=Oslo', body: null },
  )!
  const url = new URL(href, 'http://x')
  expect(url.pathname).toBe('/catalog/acme/weather')
  expect(url.searchParams.get('version')).toBe('v1')
  expect(url.hash).toBe('#try-it')
  expect(parseReplay(url.searchParams.get('replay')!)).toEqual({
    method: 'GET',
    path: '/forecast/today',
    query: 'city=Oslo',
    body: '',
  })
  expect(gatewaySuffix('/gw/acme/weather/v1')).toBe('/')
  expect(gatewaySuffix('/elsewhere')).toBeNull()
})

test.each([['not json'], ['{"method":"get","path":"/x"}'], ['{"method":"GET","path":"x"}'], ['[]'], ['null']])(
  '[CALLS] a malformed replay %j is ignored',
  (value) => {
    expect(parseReplay(value)).toBeNull()
  },
)
