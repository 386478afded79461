// The outbound-address policy, spelling by spelling, with the operator's private-address setting
// off and on. The policy is passed explicitly: the suite itself runs with the setting on.
import { describe, expect, test } from 'vitest'
import { checkOutboundUrl, MAX_OUTBOUND_URL_LENGTH, outboundUrlSchema } from './check-outbound-url'
import { classifyAddress, outboundPolicyFromEnv, type OutboundPolicy } from './outbound-policy'
import { staticLookup } from './static-lookup'

const dns = staticLookup({
  'public.example': '93.184.215.14',
  'v6.example': '2606:4700:4700::1111',
  localhost: ['127.0.0.1', '::1'],
  'intranet.example': '10.1.2.3',
  'mixed.example': ['93.184.215.14', '10.0.0.5'],
  'imds.example': '169.254.169.254',
  'mapped.example': '::ffff:127.0.0.1',
  // Resolves to a public address: the name alone must refuse it.
  'metadata.google.internal': '93.184.215.14',
})
const off: OutboundPolicy = { allowPrivate: false, lookup: dns }
const on: OutboundPolicy = { allowPrivate: true, lookup: dns }

type Expected =
  'ok' | 'private' | 'special' | 'unresolvable' | 'scheme' | 'not_a_url' | 'credentials' | 'too_long' | 'empty'
const path = (length: number) => `http://public.example/${'a'.repeat(length - 'http://public.example/'.length)}`

// [label, URL, verdict with the setting off, verdict with it on]
const cases: Array<[string, string, Expected, Expected]> = [
  // IPv4
  ['public IPv4', 'http://93.184.215.14/v1', 'ok', 'ok'],
  ['cloud metadata 169.254.169.254', 'http://169.254.169.254/latest/meta-data/', 'special', 'special'],
  ['link-local 169.254/16', 'http://169.254.10.20/', 'special', 'special'],
  ['Alibaba metadata 100.100.100.200', 'http://100.100.100.200/latest/meta-data', 'special', 'special'],
  ['carrier-grade NAT 100.64/10', 'http://100.64.0.1/', 'special', 'special'],
  ['RFC 1918 10/8', 'http://10.0.0.1/', 'private', 'ok'],
  ['RFC 1918 172.16/12', 'https://172.16.5.4:8443/', 'private', 'ok'],
  ['RFC 1918 192.168/16', 'http://192.168.1.1/', 'private', 'ok'],
  ['loopback 127.0.0.1', 'http://127.0.0.1:8080/', 'private', 'ok'],
  ['loopback 127.255.0.9', 'http://127.255.0.9/', 'private', 'ok'],
  ['unspecified 0.0.0.0', 'http://0.0.0.0:3000/', 'special', 'special'],
  ['unspecified spelled 0', 'http://0/', 'special', 'special'],
  ['multicast', 'http://224.0.0.251/', 'special', 'special'],
  ['broadcast', 'http://255.255.255.255/', 'special', 'special'],
  ['documentation 192.0.2/24', 'http://192.0.2.10/', 'special', 'special'],
  ['documentation 198.51.100/24', 'http://198.51.100.7/', 'special', 'special'],
  ['documentation 203.0.113/24', 'http://203.0.113.9/', 'special', 'special'],
  ['benchmarking 198.18/15', 'http://198.18.0.1/', 'special', 'special'],
  ['reserved 240/4', 'http://240.0.0.1/', 'special', 'special'],
  // Numeric spellings, normalised by the WHATWG parser before the address rules run
  ['hex 0x7f000001', 'http://0x7f000001/', 'private', 'ok'],
  ['decimal 2130706433', 'http://2130706433/', 'private', 'ok'],
  ['octal 0177.0.0.1', 'http://0177.0.0.1/', 'private', 'ok'],
  ['short 127.1', 'http://127.1/', 'private', 'ok'],
  ['octal whole 017700000001', 'http://017700000001/', 'private', 'ok'],
  ['hex metadata 0xa9fea9fe', 'http://0xa9fea9fe/', 'special', 'special'],
  ['decimal metadata 2852039166', 'http://2852039166/', 'special', 'special'],
  ['trailing dot 127.0.0.1.', 'http://127.0.0.1./', 'private', 'ok'],
  // IPv6
  ['public IPv6', 'http://[2606:4700:4700::1111]/', 'ok', 'ok'],
  ['loopback [::1]', 'http://[::1]:3000/', 'private', 'ok'],
  ['unspecified [::]', 'http://[::]/', 'special', 'special'],
  ['unique-local fc00::/7', 'http://[fd12:3456::1]/', 'private', 'ok'],
  ['unique-local fc00::1', 'http://[fc00::1]/', 'private', 'ok'],
  ['AWS metadata fd00:ec2::254', 'http://[fd00:ec2::254]/latest/meta-data/', 'special', 'special'],
  ['link-local fe80::/10', 'http://[fe80::1]/', 'special', 'special'],
  ['multicast ff02::1', 'http://[ff02::1]/', 'special', 'special'],
  ['documentation 2001:db8::/32', 'http://[2001:db8::1]/', 'special', 'special'],
  ['6to4 wrapping 127.0.0.1', 'http://[2002:7f00:1::]/', 'special', 'special'],
  ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/', 'private', 'ok'],
  ['IPv4-mapped, hex spelling', 'http://[::ffff:7f00:1]/', 'private', 'ok'],
  ['IPv4-mapped metadata', 'http://[::ffff:169.254.169.254]/', 'special', 'special'],
  ['IPv4-mapped private', 'http://[::ffff:10.0.0.1]/', 'private', 'ok'],
  ['IPv4-mapped public', 'http://[::ffff:93.184.215.14]/', 'ok', 'ok'],
  ['IPv4-compatible loopback', 'http://[::127.0.0.1]/', 'private', 'ok'],
  ['IPv4-compatible metadata', 'http://[::a9fe:a9fe]/', 'special', 'special'],
  ['NAT64 of loopback', 'http://[64:ff9b::7f00:1]/', 'private', 'ok'],
  ['NAT64 of a public address', 'http://[64:ff9b::808:808]/', 'ok', 'ok'],
  // Names: every resolved address must pass
  ['a public name', 'https://public.example/api', 'ok', 'ok'],
  ['a public IPv6 name', 'https://v6.example/api', 'ok', 'ok'],
  ['localhost', 'http://localhost:4010/', 'private', 'ok'],
  ['a name for a private address', 'http://intranet.example/', 'private', 'ok'],
  ['a name with one public and one private address', 'http://mixed.example/', 'private', 'ok'],
  ['a name for the metadata address', 'http://imds.example/', 'special', 'special'],
  ['a name resolving to IPv4-mapped loopback', 'http://mapped.example/', 'private', 'ok'],
  ['metadata.google.internal', 'http://metadata.google.internal/computeMetadata/v1/', 'special', 'special'],
  ['metadata.google.internal, upper case, trailing dot', 'http://METADATA.Google.Internal./', 'special', 'special'],
  ['metadata.goog', 'http://metadata.goog/', 'special', 'special'],
  ['a name that does not resolve', 'https://nowhere.invalid/', 'unresolvable', 'unresolvable'],
  // Shape
  ['credentials', 'http://user:pass@public.example/', 'credentials', 'credentials'],
  ['a user name alone', 'http://user@public.example/', 'credentials', 'credentials'],
  ['credentials hiding the host', 'http://public.example@127.0.0.1/', 'credentials', 'credentials'],
  ['ftp', 'ftp://public.example/file', 'scheme', 'scheme'],
  ['file', 'file:///etc/passwd', 'scheme', 'scheme'],
  ['gopher', 'gopher://127.0.0.1:6379/_INFO', 'scheme', 'scheme'],
  ['javascript', 'javascript:alert(1)', 'scheme', 'scheme'],
  ['not a URL', 'public.example/api', 'not_a_url', 'not_a_url'],
  ['no host', 'http://', 'not_a_url', 'not_a_url'],
  ['empty', '', 'empty', 'empty'],
  ['exactly the longest URL', path(MAX_OUTBOUND_URL_LENGTH), 'ok', 'ok'],
  ['one character too long', path(MAX_OUTBOUND_URL_LENGTH + 1), 'too_long', 'too_long'],
  ['100 KB URL', path(100 * 1024), 'too_long', 'too_long'],
]

describe('checkOutboundUrl', () => {
  test.each(cases)('%s: %s', async (_label, url, withoutSetting, withSetting) => {
    for (const [policy, expected] of [
      [off, withoutSetting],
      [on, withSetting],
    ] as const) {
      const verdict = await checkOutboundUrl(url, policy)
      expect(verdict.ok ? 'ok' : verdict.problem, `allowPrivate=${policy.allowPrivate}`).toBe(expected)
    }
  })

  test('the refusal message tells the tenant what to do, and never carries the resolved address', async () => {
    const privateName = await checkOutboundUrl('http://intranet.example/', off)
    expect(privateName).toMatchObject({
      ok: false,
      message: 'This address is private; an operator can allow private upstreams with TOLLGATE_ALLOW_PRIVATE_UPSTREAMS',
    })
    expect(!privateName.ok && privateName.message).not.toContain('10.1.2.3')
    expect(!privateName.ok && privateName.detail).toContain('10.1.2.3')
    expect(await checkOutboundUrl('http://imds.example/', on)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/never reachable/),
    })
  })

  test('without an injected resolver the system one decides: localhost comes from /etc/hosts', async () => {
    expect(await checkOutboundUrl('http://localhost:1/', { allowPrivate: false })).toMatchObject({
      ok: false,
      problem: 'private',
    })
    expect(await checkOutboundUrl('http://localhost:1/', { allowPrivate: true })).toMatchObject({
      ok: true,
      addresses: expect.arrayContaining(['127.0.0.1']),
    })
    expect(await checkOutboundUrl('http://name-that-does-not-exist.invalid/', { allowPrivate: true })).toMatchObject({
      ok: false,
      problem: 'unresolvable',
    })
  })
})

describe('classifyAddress, on addresses as a socket reports them', () => {
  test.each([
    ['127.0.0.1', 'loopback', 'ok'],
    ['::ffff:127.0.0.1', 'loopback', 'ok'],
    ['::1', 'loopback', 'ok'],
    ['169.254.169.254', 'cloud metadata', 'special'],
    ['fe80::1%eth0', 'linkLocal', 'special'],
    ['8.8.8.8', null, 'ok'],
    // Not an IP literal at all: a socket never reports these, so they are refused outright.
    ['0x7f000001', 'not an IP address', 'special'],
    ['localhost', 'not an IP address', 'special'],
    ['', 'not an IP address', 'special'],
  ] as const)('%s', (address, range, withSetting) => {
    const verdictOff = classifyAddress(address, { allowPrivate: false })
    const verdictOn = classifyAddress(address, { allowPrivate: true })
    expect(verdictOn.allowed ? 'ok' : 'special').toBe(withSetting)
    if (range === null) expect(verdictOff.allowed).toBe(true)
    else expect(verdictOff).toMatchObject({ allowed: false, range })
  })
})

test.each([
  ['1', true],
  ['true', true],
  ['TRUE', true],
  [' 1 ', true],
  ['0', false],
  ['false', false],
  ['yes', false],
  ['', false],
  [undefined, false],
])('TOLLGATE_ALLOW_PRIVATE_UPSTREAMS=%j allows private addresses: %s', (value, allowed) => {
  expect(outboundPolicyFromEnv(value === undefined ? {} : { TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: value })).toEqual({
    allowPrivate: allowed,
  })
})

describe('outboundUrlSchema (the sync half the server-action wrapper parses)', () => {
  const schema = outboundUrlSchema({ scheme: 'Only web addresses' })
  test.each([
    ['ftp://public.example/', 'Only web addresses'],
    ['http://u:p@public.example/', 'Leave user and password out of the URL'],
    [path(100 * 1024), `Use at most ${MAX_OUTBOUND_URL_LENGTH} characters`],
    ['nope', 'Enter an http:// or https:// URL'],
  ])('refuses %s with one message', (url, message) => {
    const parsed = schema.safeParse(url)
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([message])
  })

  test('trims, and leaves the address rules to the save path', () => {
    expect(schema.parse('  http://10.0.0.1/x ')).toBe('http://10.0.0.1/x')
  })
})
