import { expect, test } from 'vitest'
import { activeNavHref } from './active-nav-link'

const LINKS = ['/t/acme/apis', '/t/acme/ai', '/t/acme/ai/usage', '/t/acme/calls']

test.each([
  ['/t/acme/ai/usage', '/t/acme/ai/usage'],
  ['/t/acme/ai', '/t/acme/ai'],
  ['/t/acme/ai/providers/aip_1', '/t/acme/ai'],
  ['/t/acme/apis/summarize/versions/v1', '/t/acme/apis'],
  ['/t/acme/calls/inv_1', '/t/acme/calls'],
  ['/t/acme/apis-archive', null],
  ['/t/acme/aiusage', null],
  ['/catalog', null],
])('on %s the active link is %s', (pathname, expected) => {
  expect(activeNavHref(pathname, LINKS)).toBe(expected)
})
