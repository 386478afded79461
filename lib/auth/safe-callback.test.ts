import { expect, test } from 'vitest'
import { safeCallback } from './safe-callback'

test.each([
  ['/t/acme/billing', '/t/acme/billing'],
  ['/t/acme/calls?status=402#list', '/t/acme/calls?status=402#list'],
  // Auth.js builds the callback from the bind address; the path is what matters.
  ['http://0.0.0.0:3100/t/acme/billing', '/t/acme/billing'],
  ['https://tollgate.example.com/t/acme/incidents?view=owner', '/t/acme/incidents?view=owner'],
  // Another origin cannot take the user off the site: only its path is kept.
  ['https://evil.example/phish', '/phish'],
  ['//evil.example/phish', '/catalog'],
  ['/\\evil.example', '/catalog'],
  ['javascript:alert(1)', '/catalog'],
  ['not a url', '/catalog'],
  [undefined, '/catalog'],
])('safeCallback(%s) → %s', (input, expected) => {
  expect(safeCallback(input)).toBe(expected)
})
