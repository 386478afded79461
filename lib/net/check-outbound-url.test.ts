// Integration: the save-time outbound check through the real save paths (createVersion,
// updateDraftVersion, setWebhookUrl) against a real database. A refused URL is a 422 with a field
// error on the URL field, and nothing is written.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { updateDraftVersion } from '@/lib/apis/update-draft-version'
import { db } from '@/lib/db'
import { toAppError } from '@/lib/errors/to-problem'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { startTestUpstream } from '@/lib/testing/start-test-upstream'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { setWebhookUrl } from '@/lib/webhooks/set-webhook-url'
import { OUTBOUND_URL_MESSAGES } from './check-outbound-url'
import type { OutboundPolicy } from './outbound-policy'
import { staticLookup } from './static-lookup'

const PETS = JSON.stringify(petstoreV1)
const PRIVATE = OUTBOUND_URL_MESSAGES.private
const SPECIAL = OUTBOUND_URL_MESSAGES.special
const UNRESOLVABLE = OUTBOUND_URL_MESSAGES.unresolvable

let database: TestDatabase
let upstream: Awaited<ReturnType<typeof startTestUpstream>>
beforeAll(async () => {
  database = await setupTestDatabase()
  upstream = await startTestUpstream()
})
afterAll(async () => {
  await upstream?.close()
  await database?.cleanup()
})

async function teamWithApi() {
  const { team, scope } = await createTestTeam()
  const api = await createApi(scope, { name: 'Shipments', slug: 'shipments' })
  return { teamId: team.id, scope, apiId: api.id }
}

/** createVersion's refusal as the form sees it, plus proof that nothing was written. */
async function refusedVersion(upstreamUrl: string) {
  const { teamId, scope, apiId } = await teamWithApi()
  const error = toAppError(
    await rejection(() => createVersion(scope, { apiId, version: 'v1', upstreamUrl, openapi: PETS })),
  )
  const written = {
    versions: await db.apiVersion.count({ where: { apiId, teamId } }),
    events: await db.lifecycleEvent.count({ where: { apiId, teamId } }),
  }
  return { status: error.status, fieldErrors: error.fieldErrors, written }
}

describe('createVersion, with the suite setting (private upstreams allowed)', () => {
  test.each([
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', SPECIAL],
    ['cloud metadata, hex spelling', 'http://0xa9fea9fe/latest/meta-data/', SPECIAL],
    ['cloud metadata, IPv4-mapped', 'http://[::ffff:169.254.169.254]/', SPECIAL],
    ['AWS IPv6 metadata (inside fc00::/7)', 'http://[fd00:ec2::254]/latest/meta-data/', SPECIAL],
    ['Alibaba metadata', 'http://100.100.100.200/latest/meta-data/', SPECIAL],
    ['metadata.google.internal', 'http://metadata.google.internal/computeMetadata/v1/', SPECIAL],
    ['link-local', 'http://169.254.1.1/', SPECIAL],
    ['IPv6 link-local', 'http://[fe80::1]/', SPECIAL],
    ['carrier-grade NAT', 'http://100.64.1.1/', SPECIAL],
    ['unspecified', 'http://0.0.0.0:4010/', SPECIAL],
    ['a name that does not resolve', 'http://api.nowhere.invalid/', UNRESOLVABLE],
    ['credentials', 'http://user:pass@127.0.0.1:4010/', 'Leave user and password out of the URL'],
    ['a 100 KB URL', `http://127.0.0.1:4010/${'a'.repeat(100 * 1024)}`, 'Use at most 2048 characters'],
    ['gopher', 'gopher://127.0.0.1:6379/_FLUSHALL', 'Enter an http:// or https:// URL'],
  ])('%s is refused with a field error, and nothing is written', async (_label, url, message) => {
    expect(await refusedVersion(url)).toEqual({
      status: 422,
      fieldErrors: { upstreamUrl: [message] },
      written: { versions: 0, events: 0 },
    })
  })

  test('a loopback upstream is saved', async () => {
    const { teamId, scope, apiId } = await teamWithApi()
    await createVersion(scope, { apiId, version: 'v1', upstreamUrl: upstream.url, openapi: PETS })
    expect(await db.apiVersion.findFirstOrThrow({ where: { apiId, teamId } })).toMatchObject({
      upstreamUrl: upstream.url,
    })
  })
})

describe('createVersion and updateDraftVersion, with private upstreams not allowed', () => {
  beforeEach(() => {
    vi.stubEnv('TOLLGATE_ALLOW_PRIVATE_UPSTREAMS', '0')
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  test.each([
    ['a live loopback upstream', () => upstream.url],
    ['localhost (resolved by the system, /etc/hosts)', () => upstream.url.replace('127.0.0.1', 'localhost')],
    ['loopback, hex spelling', () => 'http://0x7f000001:4010/'],
    ['loopback, decimal spelling', () => 'http://2130706433:4010/'],
    ['loopback, octal spelling', () => 'http://0177.0.0.1:4010/'],
    ['loopback, short spelling', () => 'http://127.1:4010/'],
    ['IPv6 loopback', () => 'http://[::1]:4010/'],
    ['RFC 1918', () => 'http://10.0.0.1/'],
    ['unique-local', () => 'http://[fd12:3456::1]/'],
  ])('%s is refused as private, and nothing is written', async (_label, url) => {
    expect(await refusedVersion(url())).toEqual({
      status: 422,
      fieldErrors: { upstreamUrl: [PRIVATE] },
      written: { versions: 0, events: 0 },
    })
  })

  test('a draft cannot be edited to point at a private address; the draft keeps its upstream', async () => {
    const { teamId, scope, apiId } = await teamWithApi()
    vi.stubEnv('TOLLGATE_ALLOW_PRIVATE_UPSTREAMS', '1')
    const draft = await createVersion(scope, { apiId, version: 'v1', upstreamUrl: upstream.url, openapi: PETS })
    vi.stubEnv('TOLLGATE_ALLOW_PRIVATE_UPSTREAMS', '0')
    const error = await rejection(() =>
      updateDraftVersion(scope, { versionId: draft.id, upstreamUrl: 'http://10.1.2.3/' }),
    )
    expect({ status: error.status, fieldErrors: error.fieldErrors }).toEqual({
      status: 422,
      fieldErrors: { upstreamUrl: [PRIVATE] },
    })
    expect(await db.apiVersion.findFirstOrThrow({ where: { id: draft.id, teamId } })).toMatchObject({
      upstreamUrl: upstream.url,
    })
  })
})

describe('setWebhookUrl', () => {
  const dns = staticLookup({
    'hooks.example.com': '93.184.215.14',
    'hooks.intranet.example': '10.20.30.40',
    'hooks.mixed.example': ['93.184.215.14', '192.168.0.7'],
    'hooks.imds.example': '169.254.169.254',
  })
  const off: OutboundPolicy = { allowPrivate: false, lookup: dns }
  const on: OutboundPolicy = { allowPrivate: true, lookup: dns }

  /** The refusal, plus proof that the team has neither a URL nor a secret afterwards. */
  async function refusedWebhook(url: string, policy: OutboundPolicy) {
    const { team, scope } = await createTestTeam()
    const error = await rejection(() => setWebhookUrl(scope, { url }, policy))
    const stored = await db.team.findUniqueOrThrow({
      where: { id: team.id },
      select: { webhookUrl: true, webhookSecretEnc: true },
    })
    return { status: error.status, fieldErrors: error.fieldErrors, stored }
  }
  const nothing = { webhookUrl: null, webhookSecretEnc: null }

  test.each([
    ['a loopback literal', 'http://127.0.0.1:8080/hooks', off, PRIVATE],
    ['IPv6 loopback', 'http://[::1]/hooks', off, PRIVATE],
    ['loopback, hex spelling', 'http://0x7f000001/hooks', off, PRIVATE],
    ['RFC 1918', 'http://192.168.1.10/hooks', off, PRIVATE],
    ['a name for a private address', 'https://hooks.intranet.example/in', off, PRIVATE],
    ['a name with a public and a private address', 'https://hooks.mixed.example/in', off, PRIVATE],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', off, SPECIAL],
    ['cloud metadata, private allowed', 'http://169.254.169.254/latest/meta-data/', on, SPECIAL],
    ['a name for the metadata address, private allowed', 'https://hooks.imds.example/in', on, SPECIAL],
    ['metadata.google.internal, private allowed', 'http://metadata.google.internal/', on, SPECIAL],
    ['AWS IPv6 metadata, private allowed', 'http://[fd00:ec2::254]/', on, SPECIAL],
    ['a name that does not resolve', 'https://hooks.nowhere.invalid/in', on, UNRESOLVABLE],
  ])(
    '%s is refused with a field error on the URL; no URL and no secret are stored',
    async (_label, url, policy, message) => {
      expect(await refusedWebhook(url, policy)).toEqual({
        status: 422,
        fieldErrors: { url: [message] },
        stored: nothing,
      })
    },
  )

  test.each([
    ['a public name', 'https://hooks.example.com/in', off],
    ['a private name, private allowed', 'https://hooks.intranet.example/in', on],
    ['a loopback literal, private allowed', 'http://127.0.0.1:8080/hooks', on],
  ])('%s is saved', async (_label, url, policy) => {
    const { team, scope } = await createTestTeam()
    expect(await setWebhookUrl(scope, { url }, policy)).toMatchObject({
      url,
      secret: expect.stringMatching(/^whsec_/),
    })
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ webhookUrl: url })
  })
})
