// One measurement of `npm run bench -- contracts`, in a process of its own so that its peak RSS
// is its own: `save <fixture>`, `render <fixture>` or `diff`. Prints one JSON line.
import { readFileSync } from 'node:fs'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { ApiReference, versionDetailUrl } from '@/components/openapi/api-reference'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { loadReferenceDetail } from '@/lib/catalog/load-reference-detail'
import { readContractIndex } from '@/lib/catalog/read-contract-index'
import { db } from '@/lib/db'
import { diffOpenApi } from '@/lib/openapi/diff-openapi'
import { prewarmOpenApiWorker } from '@/lib/openapi/run-openapi-worker'
import { readRealWorldContract, type RealWorldContract } from '@/lib/openapi/fixtures/real-world/read-real-world'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'

const [mode, fixture, start] = process.argv.slice(2)
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024)
const text = (name: string) =>
  name.endsWith('.json') ? readFileSync(name, 'utf8') : readRealWorldContract(name as RealWorldContract)

async function saveOne(openapi: string) {
  const owner = await createTestTeam()
  const api = await createApi(owner.scope, { name: 'Bench', slug: 'bench' })
  const save = async (version: string) => {
    const started = performance.now()
    const saved = await createVersion(owner.scope, {
      apiId: api.id,
      version,
      upstreamUrl: 'http://127.0.0.1:9',
      openapi,
    })
    return { ms: performance.now() - started, id: saved.id }
  }
  // Cold, the first save also starts the validation worker and loads the parser into it. A server
  // has done that when it started (`prewarmed`: what server/index.ts calls once it listens); the
  // second save finds the worker warm either way.
  if (start === 'prewarmed') await prewarmOpenApiWorker()
  const first = await save('v1')
  return { ms: first.ms, owner, versionId: first.id, saveAgain: () => save('v2') }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const database = await setupTestDatabase()
try {
  if (mode === 'save') {
    const openapi = text(fixture)
    const baseline = peakRssMb()
    const { ms, saveAgain } = await saveOne(openapi)
    const peak = peakRssMb()
    const warm = await saveAgain()
    console.log(
      JSON.stringify({ ms, warmMs: warm.ms, peakRssMb: peak, baselineRssMb: baseline, bytes: openapi.length }),
    )
  } else if (mode === 'render') {
    const { owner, versionId } = await saveOne(text(fixture))
    // What the page does per view: read the version's stored index, render the reference.
    const view = async () => {
      const started = performance.now()
      const row = await db.apiVersion.findFirstOrThrow({
        where: { id: versionId, teamId: owner.team.id },
        select: { id: true, teamId: true, updatedAt: true, contractIndex: true },
      })
      const index = await readContractIndex(row)
      const html = renderToStaticMarkup(
        createElement(ApiReference, { index: index!, detailUrl: versionDetailUrl(versionId) }),
      )
      return { ms: performance.now() - started, bytes: html.length, operations: index!.operations.length }
    }
    await view() // warm-up: module loading and the first compile of the renderer
    const runs = []
    for (let i = 0; i < 5; i++) runs.push(await view())
    const row = await db.apiVersion.findFirstOrThrow({ where: { id: versionId }, select: { contractIndex: true } })
    const first = JSON.parse(row.contractIndex!).operations[0]
    const open = async () => {
      const started = performance.now()
      await loadReferenceDetail({ teamIds: [owner.team.id] }, { versionId, operation: `${first.method} ${first.path}` })
      return performance.now() - started
    }
    const coldOpenMs = await open()
    const warmOpenMs = await open()
    console.log(
      JSON.stringify({
        ms: median(runs.map((r) => r.ms)),
        htmlBytes: runs[0].bytes,
        operations: runs[0].operations,
        coldOpenMs,
        warmOpenMs,
        peakRssMb: peakRssMb(),
      }),
    )
  } else if (mode === 'diff') {
    const started = performance.now()
    const before = JSON.parse(readRealWorldContract('github-ghes-3.17'))
    const after = JSON.parse(readRealWorldContract('github-ghes-3.18'))
    const parsedAt = performance.now()
    const changes = diffOpenApi(before, after)
    const done = performance.now()
    console.log(
      JSON.stringify({
        ms: done - started,
        diffMs: done - parsedAt,
        changes: changes.length,
        breaking: changes.filter((c) => c.breaking).length,
        peakRssMb: peakRssMb(),
      }),
    )
  } else throw new Error(`unknown mode ${mode}`)
} finally {
  await database.cleanup()
}
