// Integration: the version form's upload path (saveUploadedVersion, which the contract-upload
// route runs) with real multipart and JSON bodies, a real database, and a real HTTP server for
// imports. Bad input is refused with a 4xx and a field error the form shows; no row is written.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TeamContext } from '@/lib/auth/team-context'
import { permissionsFor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { readRealWorldContract } from '@/lib/openapi/fixtures/real-world/read-real-world'
import { OUTBOUND_URL_MESSAGES } from '@/lib/net/check-outbound-url'
import { outboundPolicyFromEnv } from '@/lib/net/outbound-policy'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { createApi } from './create-api'
import { importContractFromUrl } from './import-contract-url'
import { readContractUpload } from './read-contract-upload'
import { saveUploadedVersion } from './save-uploaded-version'

let database: TestDatabase
let context: TeamContext
let apiId: string
let server: Server
let serverUrl: string
const served: Record<string, { type: string; body: string | Buffer; delayMs?: number }> = {}

beforeAll(async () => {
  database = await setupTestDatabase()
  const owner = await createTestTeam()
  const permissions = permissionsFor('OWNER')
  context = {
    user: { id: owner.user.id, email: owner.user.email, name: owner.user.email },
    team: { id: owner.team.id, slug: owner.team.slug, name: owner.team.name },
    role: 'OWNER',
    permissions,
    can: (permission) => permissions.has(permission),
  }
  apiId = (await createApi(owner.scope, { name: 'Uploads', slug: 'uploads' })).id
  server = createServer((req, res) => {
    const entry = served[req.url ?? '']
    if (!entry) return void res.writeHead(404).end()
    setTimeout(() => res.writeHead(200, { 'content-type': entry.type }).end(entry.body), entry.delayMs ?? 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await database?.cleanup()
})

function multipart(fields: Record<string, string>, file?: { name: string; body: BlobPart }) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  if (file) form.set('openapi', new Blob([file.body]), file.name)
  return new Request('http://console.test/t/x/apis/uploads/contract-upload', { method: 'POST', body: form })
}

const base = () => ({ apiId, upstreamUrl: 'http://127.0.0.1:9', version: 'v1' })
const count = () => db.apiVersion.count({ where: { apiId, teamId: context.team.id } })

test('a 13 MB file (GitHub) is streamed in, validated and stored with its index', { timeout: 60_000 }, async () => {
  const github = readRealWorldContract('github-api')
  const saved = await saveUploadedVersion(
    context,
    multipart({ ...base(), version: 'v7' }, { name: 'api.github.com.json', body: github }),
  )
  expect(saved).toMatchObject({ version: 'v7', created: true })
  const row = await db.apiVersion.findFirstOrThrow({ where: { id: saved.versionId, teamId: context.team.id } })
  expect(row.openapi.length).toBe(github.length)
  expect(JSON.parse(row.contractIndex!).info.title).toBe(JSON.parse(github).info.title)
})

test('a JSON body carries the document as text or as an object', async () => {
  const request = (openapi: unknown, version: string) =>
    new Request('http://console.test/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...base(), version, openapi }),
    })
  const upload = await readContractUpload(request(petstoreV1, 'v2'))
  expect(JSON.parse(upload.openapi!)).toEqual(petstoreV1)
  expect(upload.fields).toMatchObject({ apiId, version: 'v2' })
  expect(await saveUploadedVersion(context, request(JSON.stringify(petstoreV1), 'v3'))).toMatchObject({ version: 'v3' })
})

describe('bad input is refused with a clear error, and nothing is stored', () => {
  const deep = 10_000
  test.each([
    ['garbage', 'this is not { a contract', /The document must be a JSON or YAML object|Invalid YAML/],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary content found/],
    [
      'an alias bomb',
      `openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\na: &a [x, x, x, x, x, x, x, x, x, x]\n${'bcdefghij'
        .split('')
        .map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)
        .join('\n')}`,
      /expands aliases \(\*name\) more than 100 times/,
    ],
    [
      '10,000-level nesting',
      `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x": ${'['.repeat(deep)}${']'.repeat(deep)}}`,
      /more than 128 levels deep/,
    ],
    [
      'an external $ref',
      JSON.stringify({
        ...petstoreV1,
        paths: { '/a': { get: { responses: { '200': { $ref: 'https://evil.example/r.json' } } } } },
      }),
      /Only local references \("#\/\.\.\."\) are supported/,
    ],
  ])('%s', async (_name, body, message) => {
    const before = await count()
    const error = await rejection(() =>
      saveUploadedVersion(context, multipart({ ...base(), version: 'v90' }, { name: 'x', body })),
    )
    expect(error.status).toBe(422)
    expect(error.fieldErrors?.openapi?.[0]).toMatch(message)
    expect(await count()).toBe(before)
  })

  test('a document over the limit: 413 as it streams, before it is parsed', async () => {
    process.env.OPENAPI_MAX_MB = '1'
    try {
      const huge = 'x'.repeat(3 * 1024 * 1024)
      const error = await rejection(() =>
        saveUploadedVersion(context, multipart(base(), { name: 'big.json', body: huge })),
      )
      expect(error).toMatchObject({ status: 413, code: 'contract_too_large' })
      expect(error.fieldErrors?.openapi?.[0]).toBe(
        'The document is larger than 1 MB, the largest contract this server accepts',
      )
      // A body with no declared length is counted as it arrives.
      const stream = new ReadableStream({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('y'.repeat(64 * 1024)))
        },
      })
      const chunked = new Request('http://console.test/x', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit)
      expect(await rejection(() => readContractUpload(chunked))).toMatchObject({ status: 413 })
    } finally {
      delete process.env.OPENAPI_MAX_MB
    }
  })

  test('an unknown content type: 415', async () => {
    const request = new Request('http://console.test/x', { method: 'POST', body: 'openapi: 3.0.3' })
    expect(await rejection(() => readContractUpload(request))).toMatchObject({ status: 415 })
  })
})

describe('import from a URL', () => {
  const allowPrivate = outboundPolicyFromEnv({ TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: '1' })

  test('fetches the document and saves it', async () => {
    served['/petstore.yaml'] = { type: 'application/yaml', body: JSON.stringify(petstoreV1) }
    expect(await importContractFromUrl(`${serverUrl}/petstore.yaml`, { policy: allowPrivate })).toBe(
      JSON.stringify(petstoreV1),
    )
    const saved = await saveUploadedVersion(
      context,
      multipart({ ...base(), version: 'v20', importUrl: `${serverUrl}/petstore.yaml` }),
    )
    expect(saved.version).toBe('v20')
  })

  test.each([
    ['a loopback address, by default', () => `${serverUrl}/petstore.yaml`, {}, OUTBOUND_URL_MESSAGES.private],
    ['a link-local (metadata) address', () => 'http://169.254.169.254/latest', {}, OUTBOUND_URL_MESSAGES.special],
    ['a missing document', () => `${serverUrl}/missing`, { policy: allowPrivate }, /answered 404/],
    [
      'a document over the size cap',
      () => `${serverUrl}/big.json`,
      { policy: allowPrivate, maxBytes: 1024 },
      /larger than 1 KB/,
    ],
    ['a server too slow', () => `${serverUrl}/slow.json`, { policy: allowPrivate, timeoutMs: 200 }, /within 0\.2 s/],
  ])('refuses %s', async (_name, url, options, message: string | RegExp) => {
    served['/big.json'] = { type: 'application/json', body: 'z'.repeat(10_000) }
    served['/slow.json'] = { type: 'application/json', body: '{}', delayMs: 2_000 }
    const policy = 'policy' in options ? {} : { policy: outboundPolicyFromEnv({}) }
    const error = await rejection(() => importContractFromUrl(url(), { ...policy, ...options }))
    expect(error.status).toBe(422)
    expect(error.fieldErrors?.importUrl?.[0]).toMatch(message)
  })
})
