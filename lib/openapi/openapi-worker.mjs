// @ts-check
import { parentPort } from 'node:worker_threads'

// The thread contracts are parsed and validated in (run-openapi-worker.ts keeps a few, each with
// a heap cap, and stops one that runs past its wall-clock budget), so no document can stall the
// server's event loop. Plain .mjs, found from the project root: it must start the same way under
// `next start`'s bundle, tsx (the server, seeds) and vitest, and Node 20 cannot run TypeScript here.
//
// Receives { id, kind: 'validate' | 'parse', text, omitDocument? }, one at a time.
// Answers { id, ok: true, result } or { id, ok: false, message } (an unexpected error).

parentPort?.on(
  'message',
  async (/** @type {{ id: number, kind: string, text: string, omitDocument?: boolean }} */ job) => {
    try {
      if (job.kind === 'validate') {
        const { checkOpenApiText } = await import('./check-openapi-document.mjs')
        const result = await checkOpenApiText(job.text)
        if (job.omitDocument && result.ok) result.document = {}
        parentPort?.postMessage({ id: job.id, ok: true, result })
      } else {
        const { parseOpenApiSource } = await import('./parse-openapi-source.mjs')
        parentPort?.postMessage({ id: job.id, ok: true, result: parseOpenApiSource(job.text) })
      }
    } catch (error) {
      parentPort?.postMessage({
        id: job.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      })
    }
  },
)
