import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { LifecycleTimeline } from '@/components/apis/lifecycle-timeline'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { ApiReference } from './api-reference'

test('renders operations grouped by tag with parameters, schemas and examples', () => {
  const html = renderToStaticMarkup(createElement(ApiReference, { document: petstoreV1 }))
  expect(html).toContain('aria-label="pets"')
  expect(html).toContain('data-operation="GET /pets"')
  expect(html).toContain('data-operation="DELETE /pets/{petId}"')
  expect(html).toContain('How many to return') // parameter description
  expect(html).toContain('integer(int32)') // parameter type
  expect(html).toContain('email') // Owner.email reached through two $refs
  expect(html).toContain('&quot;name&quot;: &quot;Rex&quot;') // example, escaped JSON
  expect(html).not.toContain('$ref')
})

test('escapes markup in every string of the document', () => {
  const evil = structuredClone(petstoreV1) as any
  evil.info.description = '<img src=x onerror=alert(1)>'
  evil.paths['/pets'].get.summary = '<script>alert(1)</script>'
  evil.components.schemas.Pet.properties.name.description = '<b>bold</b>'
  const html = renderToStaticMarkup(createElement(ApiReference, { document: evil }))
  expect(html).not.toContain('<script>')
  expect(html).not.toContain('<img')
  expect(html).not.toContain('<b>')
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
})

test('a circular schema renders without looping', () => {
  const doc = structuredClone(petstoreV1) as any
  doc.components.schemas.Owner.properties.pets = { type: 'array', items: { $ref: '#/components/schemas/Pet' } }
  expect(() => renderToStaticMarkup(createElement(ApiReference, { document: doc }))).not.toThrow()
})

test('the lifecycle timeline accepts both event shapes', () => {
  const html = renderToStaticMarkup(createElement(LifecycleTimeline, {
    events: [
      { id: 'e2', action: 'publish_override', fromState: 'DRAFT', toState: 'PUBLISHED', reason: 'Agreed <with> consumers', actorEmail: 'a@b.c', createdAt: new Date('2026-11-24T10:00:00Z'), versionLabel: 'v1.1' },
      { id: 'e1', action: 'delete', fromState: 'DRAFT', toState: null, reason: null, actorEmail: null, createdAt: '2026-11-23T10:00:00Z', version: null },
    ],
  }))
  expect(html).toContain('v1.1')
  expect(html).toContain('Published with breaking changes (override)')
  expect(html).toContain('Agreed &lt;with&gt; consumers')
  expect(html).toContain('2026-11-24 10:00 UTC')
  expect(html).toContain('Draft deleted')
})
