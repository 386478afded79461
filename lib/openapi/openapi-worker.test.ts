import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { stringify } from 'yaml'
import { expect, test } from 'vitest'
import { petstoreV1 } from './fixtures/petstore'
import { loadOpenApiDocument } from './load-openapi-document'
import { validateOpenApi } from './validate-openapi'

// The validation thread is a plain .mjs file found from the project root, so that it starts the
// same way everywhere the code runs: under vitest (here), under tsx (the server, the gateway, the
// seeds: the child process below), and from `next build`'s bundle (e2e/large-contract.spec.ts).

const run = promisify(execFile)
const ROOT = path.resolve(__dirname, '../..')

test('under vitest: validation and YAML parsing run on the worker', async () => {
  const validated = await validateOpenApi(stringify(petstoreV1))
  expect(validated.ok && validated.info).toMatchObject({ title: 'Pet Store', operationCount: 4 })
  const loaded = await loadOpenApiDocument(stringify(petstoreV1))
  expect(loaded).toEqual({ ok: true, document: petstoreV1 })
})

test('more jobs than threads queue and all finish', async () => {
  const texts = Array.from({ length: 6 }, (_, i) =>
    JSON.stringify({ ...petstoreV1, info: { ...petstoreV1.info, title: `Pets ${i}` } }),
  )
  const results = await Promise.all(texts.map((text) => validateOpenApi(text)))
  expect(results.map((r) => (r.ok ? r.info.title : r.errors[0].message))).toEqual(texts.map((_, i) => `Pets ${i}`))
})

test('under tsx: the worker starts, answers, and an idle one, even the resident one, does not keep the process alive', async () => {
  const script = `
    import { validateOpenApi } from './lib/openapi/validate-openapi'
    import { loadOpenApiDocument } from './lib/openapi/load-openapi-document'
    import { prewarmOpenApiWorker } from './lib/openapi/run-openapi-worker'
    ;(async () => {
      // As the server does once it listens: one worker at the default heap stays warm for good.
      await prewarmOpenApiWorker()
      const pool = globalThis[Symbol.for('tollgate.openapiWorkerPool')]
      const resident = pool.resident
      const valid = await validateOpenApi(${JSON.stringify(JSON.stringify(petstoreV1))})
      const invalid = await validateOpenApi('openapi: 3.0.3\\ninfo: { title: t }\\npaths: {}\\n')
      const yaml = await loadOpenApiDocument('openapi: 3.1.0\\ninfo: { title: From YAML, version: "1" }\\n')
      const reused = resident !== null && pool.resident === resident && pool.idle.includes(resident)
      console.log(JSON.stringify({ reused, valid: valid.ok, invalid: invalid.ok ? null : invalid.errors, yaml: yaml.ok ? yaml.document : null }))
    })()`
  // The process must end by itself once the answers are in: the timeout would kill it otherwise.
  const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', script], { cwd: ROOT, timeout: 60_000 })
  expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({
    reused: true,
    valid: true,
    invalid: [{ path: '/info', message: "must have required property 'version'" }],
    yaml: { openapi: '3.1.0', info: { title: 'From YAML', version: '1' } },
  })
}, 90_000)
