import { renderToStaticMarkup } from 'react-dom/server'
import { buildContractIndex } from '@/lib/openapi/build-contract-index.mjs'
import { buildOperationDetail, buildSchemaDetail } from '@/lib/openapi/build-reference-detail'
import { escapePointerToken } from '@/lib/openapi/json-pointer.mjs'
import { ApiReference } from '../api-reference'
import { OperationBody } from '../operation-view'
import { SchemaView } from '../schema-view'

/**
 * What a reader sees of a contract, for tests: the page as the server renders it (from the index)
 * and, after it, every operation and schema as they look once opened (what /api/reference sends,
 * rendered by the same components), each in a `data-operation-detail` / `data-schema-detail` block.
 */
export function renderReference(document: Record<string, unknown>, baseUrl?: string) {
  const index = buildContractIndex(document)
  const page = renderToStaticMarkup(
    <ApiReference index={index} detailUrl="/api/reference/ver_test" baseUrl={baseUrl} />,
  )
  const operations = index.operations.map((entry) => {
    const model = buildOperationDetail(document, entry)
    const key = `${entry.method.toUpperCase()} ${entry.path}`
    return renderToStaticMarkup(
      <details data-operation-detail={key}>{model ? <OperationBody operation={model} /> : null}</details>,
    )
  })
  const refs = index.schemas.map((name) => `#/components/schemas/${escapePointerToken(name)}`)
  const schemas: string[] = []
  // Opening a schema may show links to others outside components/schemas: those open too.
  for (let i = 0; i < refs.length && i < 5_000; i++) {
    const entry = buildSchemaDetail(document, refs[i])
    if (!entry) continue
    const html = renderToStaticMarkup(
      <details data-schema-detail={entry.name}>
        <SchemaView schema={entry.schema} />
      </details>,
    )
    schemas.push(html)
    for (const match of html.matchAll(/data-ref="([^"]+)"/g)) {
      const ref = match[1].replaceAll('&amp;', '&')
      if (!refs.includes(ref)) refs.push(ref)
    }
  }
  for (const html of operations)
    for (const match of html.matchAll(/data-ref="([^"]+)"/g)) {
      const ref = match[1].replaceAll('&amp;', '&')
      if (!refs.includes(ref)) {
        refs.push(ref)
        const entry = buildSchemaDetail(document, ref)
        if (entry)
          schemas.push(
            renderToStaticMarkup(
              <details data-schema-detail={entry.name}>
                <SchemaView schema={entry.schema} />
              </details>,
            ),
          )
      }
    }
  return { index, page, details: [...operations, ...schemas].join('\n') }
}
