import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { mergeResultsJson } from './results-json'

function scratchFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'results-json-')), 'results.json')
}

test('each part of the bench merges its own keys and keeps the others', () => {
  const file = scratchFile()
  mergeResultsJson({ throughputRatioBare: 0.9, cpuPerCallRatioBare: 1.1 }, file)
  mergeResultsJson({ propagationLagMs: 12, twoInstances: { calls: 10, rows: 10, charges: 10 } }, file)
  mergeResultsJson({ throughputRatioBare: 0.95 }, file)

  const written = JSON.parse(readFileSync(file, 'utf8'))
  expect(written).toMatchObject({
    throughputRatioBare: 0.95,
    cpuPerCallRatioBare: 1.1,
    propagationLagMs: 12,
    twoInstances: { calls: 10, rows: 10, charges: 10 },
  })
  expect(Date.parse(written.updatedAt)).not.toBeNaN()
})

test('a broken file is replaced rather than stopping the bench', () => {
  const file = scratchFile()
  writeFileSync(file, '{"throughputRatioBare": 0.9') // torn write
  expect(mergeResultsJson({ propagationLagMs: 5 }, file)).toMatchObject({ propagationLagMs: 5 })
  expect(JSON.parse(readFileSync(file, 'utf8')).propagationLagMs).toBe(5)
})
