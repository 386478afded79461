import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { LifecycleTimeline } from '@/components/apis/lifecycle-timeline'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { renderReference } from './testing/render-reference'

/** The page, then every operation and schema as it looks once opened. */
const render = (document: object, baseUrl?: string) => {
  const { page, details } = renderReference(document as Record<string, unknown>, baseUrl)
  return `${page}\n${details}`
}
const count = (html: string, needle: string) => html.split(needle).length - 1
/** The HTML of one operation, opened. */
const operation = (html: string, key: string) => {
  const start = html.indexOf(`data-operation-detail="${key}"`)
  expect(start, key).toBeGreaterThan(-1)
  return html.slice(start, html.indexOf('</details>', start))
}
/** The HTML of one schema, opened. */
const schemaBlock = (html: string, name: string) => {
  const start = html.indexOf(`data-schema-detail="${name}"`)
  expect(start, name).toBeGreaterThan(-1)
  return html.slice(start, html.indexOf('</details>', start))
}

test('operations are grouped by tag, with their summaries, parameters, bodies, responses and examples', () => {
  const html = render(petstoreV1, '/gw/acme/pets/v1')
  expect(html).toContain('Pet Store')
  expect(html).toContain('<code class="font-mono" data-base-url="true">/gw/acme/pets/v1</code>')
  expect(html).toContain('aria-label="Copy base URL"')
  expect(html).not.toContain('pets.example.com') // the upstream is never shown when the gateway address is known
  expect(html).toContain('aria-label="pets"')
  for (const key of ['GET /pets', 'POST /pets', 'GET /pets/{petId}', 'DELETE /pets/{petId}'])
    expect(count(html, `data-operation="${key}"`)).toBe(1)

  const list = operation(html, 'GET /pets')
  expect(html).toContain('List pets') // on the operation's line, before it is opened
  expect(list).toContain('data-parameter="limit"')
  expect(list).toContain('How many to return')
  expect(list).toContain('integer(int32)')
  expect(list).toContain('data-parameter="species"')
  expect(list).toContain('one of &quot;dog&quot;, &quot;cat&quot;')
  expect(list).toContain('&quot;name&quot;: &quot;Rex&quot;') // the example, escaped JSON
  // The shared error response is resolved where it is used; its schema is a link.
  expect(list).toContain('An error')
  expect(list).toContain('href="#schema-Error"')

  // Path-level parameters are merged into each operation of the path.
  expect(operation(html, 'DELETE /pets/{petId}')).toContain('data-parameter="petId"')
  expect(operation(html, 'POST /pets')).toContain('Request body (required)')
  expect(html).not.toContain('$ref')
})

test('a shared component is rendered once, by name, and linked from every use', () => {
  const html = render(petstoreV1)
  expect(count(html, 'data-schema="Pet"')).toBe(1)
  expect(count(html, 'id="schema-Pet"')).toBe(1)
  // Used by GET /pets (array items), POST /pets (201) and GET /pets/{petId} (200).
  expect(operation(html, 'GET /pets')).toContain('array&lt;<a href="#schema-Pet"')
  expect(operation(html, 'POST /pets')).toContain('href="#schema-Pet"')
  expect(operation(html, 'GET /pets/{petId}')).toContain('href="#schema-Pet"')
  // Pet's fields are shown in its block only: the owner is a link to Owner, whose email is shown once.
  const pet = schemaBlock(html, 'Pet')
  expect(pet).toContain('>species</code>')
  expect(pet).toContain('href="#schema-Owner"')
  expect(count(html, '>email</code>')).toBe(1)
  expect(schemaBlock(html, 'Owner')).toContain('string(email)')
  expect(schemaBlock(html, 'NewPet')).toContain('>species</code>')
  expect(count(html.slice(html.indexOf('data-schema-detail=')), '>species</code>')).toBe(2) // Pet and NewPet, each once
})

test('a circular schema is a link to itself, and the page stays small', () => {
  const doc = structuredClone(petstoreV1)
  const schemas: Record<string, unknown> = doc.components.schemas
  schemas.Node = {
    type: 'object',
    properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
  }
  const ownerProperties: Record<string, unknown> = doc.components.schemas.Owner.properties
  ownerProperties.pets = { type: 'array', items: { $ref: '#/components/schemas/Pet' } }
  const paths: Record<string, unknown> = doc.paths
  paths['/tree'] = {
    get: {
      summary: 'The tree',
      responses: {
        '200': {
          description: 'Root',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } },
        },
      },
    },
  }
  const html = render(doc)
  const node = schemaBlock(html, 'Node')
  expect(node).toContain('array&lt;<a href="#schema-Node" data-schema-ref="Node"')
  expect(node).toContain('(circular)')
  // Pet → Owner → Pet is a loop through two schemas: each is a plain link to the other.
  expect(schemaBlock(html, 'Owner')).toContain('href="#schema-Pet"')
  expect(operation(html, 'GET /tree')).toContain('href="#schema-Node"')
  expect(html.length).toBeLessThan(40_000)
})

test('a reference that points outside components/schemas is rendered once too; a dangling one is marked', () => {
  const doc = structuredClone(petstoreV1)
  const responses: Record<string, unknown> = doc.paths['/pets'].post.responses
  responses['202'] = {
    description: 'Queued',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet/properties/owner' } } },
  }
  responses['203'] = {
    description: 'Odd',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Gone' } } },
  }
  const html = render(doc)
  expect(count(html, 'data-schema-detail="/components/schemas/Pet/properties/owner"')).toBe(1)
  expect(operation(html, 'POST /pets')).toContain('title="This reference points at nothing">Gone</code>')
})

test('escapes markup in every string of the document', () => {
  const evil = structuredClone(petstoreV1)
  evil.info.description = '<img src=x onerror=alert(1)>'
  evil.paths['/pets'].get.summary = '<script>alert(1)</script>'
  const name: { type: string; description?: string } = evil.components.schemas.Pet.properties.name
  name.description = '<b>bold</b>'
  const schemas: Record<string, unknown> = evil.components.schemas
  schemas['<i>x</i>'] = { type: 'string' }
  const listed: { example?: unknown } = evil.paths['/pets'].get.responses['200'].content['application/json']
  listed.example = '</pre><script>alert(2)</script>'
  const html = render(evil)
  expect(html).not.toContain('<script>')
  expect(html).not.toContain('<img')
  expect(html).not.toContain('<b>')
  expect(html).not.toContain('<i>')
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
})

test('a huge example is cut short, not printed whole', () => {
  const doc = structuredClone(petstoreV1)
  const listed: { example?: unknown } = doc.paths['/pets'].get.responses['200'].content['application/json']
  listed.example = Array.from({ length: 20_000 }, (_, id) => ({ id, name: `pet ${id}` }))
  const html = render(doc)
  expect(html).toContain('(This example is too large to show.)')
  expect(html.length).toBeLessThan(40_000)
})

test('the lifecycle timeline accepts both event shapes', () => {
  const html = renderToStaticMarkup(
    createElement(LifecycleTimeline, {
      events: [
        {
          id: 'e2',
          action: 'publish_override',
          fromState: 'DRAFT',
          toState: 'PUBLISHED',
          reason: 'Agreed <with> consumers',
          actorEmail: 'a@b.c',
          createdAt: new Date('2026-11-24T10:00:00Z'),
          versionLabel: 'v1.1',
        },
        {
          id: 'e1',
          action: 'delete',
          fromState: 'DRAFT',
          toState: null,
          reason: null,
          actorEmail: null,
          createdAt: '2026-11-23T10:00:00Z',
          version: null,
        },
      ],
    }),
  )
  expect(html).toContain('v1.1')
  expect(html).toContain('Published with breaking changes (override)')
  expect(html).toContain('Agreed &lt;with&gt; consumers')
  expect(html).toContain('2026-11-24 10:00 UTC')
  expect(html).toContain('Draft deleted')
})
