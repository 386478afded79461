import { Ajv2020 } from 'ajv/dist/2020.js'
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { GET as openapiJson } from './openapi.json/route'
import { writeAuditEntry } from '@/lib/audit/write-audit-entry'
import { MANAGEMENT_ROUTES } from './route-list'
import { allCalls, send, setupManagementWorld } from './testing/management-fixture'

// The document's response schemas hold for real answers: every GET of the route list, called on a
// world with rows in every list (a plan, a ledger entry, an incident, a call, an AI model), answers
// a body the generated document's 200 schema accepts. So no output schema can drift from the rows
// the console's functions return without this failing.

const setup = setupManagementWorld()

type Doc = { paths: Record<string, Record<string, OperationDoc>>; components?: unknown }
type OperationDoc = { responses: Record<string, { content?: Record<string, { schema: object }> }> }

const gets = MANAGEMENT_ROUTES.map((r, index) => [`${r.method} ${r.path}`, index] as const).filter(([label]) =>
  label.startsWith('GET '),
)

test.each(gets)('%s answers what the document describes', async (_label, index) => {
  const { acme, globex } = setup.world
  if ((await db.ledgerEntry.count({ where: { teamId: acme.id } })) === 0) {
    await db.ledgerEntry.create({
      data: {
        id: createId('led'),
        teamId: acme.id,
        kind: 'CHARGE',
        amountMicros: -1_500n,
        currency: 'USD',
        description: 'A charge',
        idempotencyKey: createId('idem'),
      },
    })
    await db.invocation.create({
      data: {
        id: createId('inv'),
        requestId: createId('req'),
        ownerTeamId: acme.id,
        consumerTeamId: globex.id,
        method: 'POST',
        path: '/gw/acme/weather/v1/chat',
        status: 200,
        latencyMs: 12.5,
        model: 'house-gpt',
        provider: 'house-gpt',
        inputTokens: 3,
        outputTokens: 4,
        costMicros: 700n,
      },
    })
  }
  if ((await db.auditEntry.count({ where: { teamId: acme.id } })) === 0)
    await writeAuditEntry(
      db,
      { teamId: acme.id, origin: 'API', actor: null },
      { action: 'key.create', targetType: 'key', targetId: createId('key'), after: { name: 'ci' } },
    )
  const doc = (await openapiJson().json()) as Doc
  const entry = MANAGEMENT_ROUTES[index]
  const content = doc.paths[entry.path].get.responses['200'].content!
  const call = allCalls(acme.slug, setup.world.ids)[index]
  if (!content['application/json']) {
    // The config export is YAML: its document names that type, and the answer carries it.
    const [type] = Object.keys(content)
    const answer = await send(call, setup.world.tokens.write)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toContain(type)
    return
  }
  const schema = content['application/json'].schema
  const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile({
    ...schema,
    components: doc.components,
  })
  // acme owns the incident: its side of it is the owner view.
  if (entry.path.endsWith('/incidents')) call.path += '?view=owner'
  const answer = await send(call, setup.world.tokens.write)
  expect(answer.status).toBe(200)
  const body = (await answer.json()) as { items?: unknown[] }
  expect(validate(body) ? 'valid' : validate.errors).toBe('valid')
  // A list's schema is only tested when it has an item to test it on.
  if (Array.isArray(body.items) && !entry.path.endsWith('/versions') && !entry.path.endsWith('/subscriptions'))
    expect(body.items.length).toBeGreaterThan(0)
})
