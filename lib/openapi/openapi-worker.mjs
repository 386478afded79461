// @ts-check
import { parentPort } from 'node:worker_threads'

// The thread contracts are parsed, validated and compared in (run-openapi-worker.ts keeps a few,
// each with a heap cap, and stops one that runs past its wall-clock budget), so no document can
// stall the server's event loop. Plain .mjs, found from the project root: it must start the same
// way under `next start`'s bundle, tsx (the server, seeds) and vitest, and Node 20 cannot run
// TypeScript here. The diff is TypeScript shared with the rest of the app, so this thread loads it
// through tsx's API (a dependency, present wherever the server runs), once, on the first diff.
//
// Receives { id, kind: 'validate' | 'parse', text, omitDocument? } or { id, kind: 'diff', before,
// after }, one at a time. Answers { id, ok: true, result } or { id, ok: false, message } (an
// unexpected error).

/** @type {Promise<typeof import('./diff-contract-texts')> | undefined} */
let diffModule

function loadDiff() {
  // Ignored by the bundler: `next build` traces this file from run-openapi-worker.ts, and tsx
  // (with esbuild's binary) must be loaded by Node at run time, never bundled.
  diffModule ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'tsx/esm/api').then(({ tsImport }) =>
    tsImport('./diff-contract-texts.ts', import.meta.url),
  )
  return diffModule
}

/** @param {{ kind: string, text?: string, omitDocument?: boolean, before?: string, after?: string }} job */
async function run(job) {
  if (job.kind === 'validate') {
    const { checkOpenApiText } = await import('./check-openapi-document.mjs')
    const result = await checkOpenApiText(job.text ?? '')
    if (job.omitDocument && result.ok) result.document = {}
    return result
  }
  if (job.kind === 'diff') {
    const { diffContractTexts } = await loadDiff()
    return diffContractTexts(job.before ?? '', job.after ?? '')
  }
  const { parseOpenApiSource } = await import('./parse-openapi-source.mjs')
  return parseOpenApiSource(job.text ?? '')
}

parentPort?.on('message', async (/** @type {{ id: number, kind: string }} */ job) => {
  try {
    parentPort?.postMessage({ id: job.id, ok: true, result: await run(job) })
  } catch (error) {
    parentPort?.postMessage({
      id: job.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    })
  }
})
