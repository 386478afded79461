import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './spawn-target'

// bench/results.json holds the bench's machine-readable numbers (issue 14: throughputRatioBare,
// cpuPerCallRatioBare, propagationLagMs, twoInstances). Separate parts of the bench measure
// separate keys, so each merges its own keys in and keeps every other key as it was.

export const RESULTS_JSON_FILE = path.join(ROOT, 'bench/results.json')

export type ResultsJson = Record<string, unknown>

export function readResultsJson(file: string = RESULTS_JSON_FILE): ResultsJson {
  if (!existsSync(file)) return {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ResultsJson) : {}
  } catch {
    return {} // a torn or hand-broken file is rewritten rather than blocking the bench
  }
}

/** Merges `partial`'s top-level keys into the file (written whole through a rename) and returns the result. */
export function mergeResultsJson(partial: ResultsJson, file: string = RESULTS_JSON_FILE): ResultsJson {
  const merged = { ...readResultsJson(file), ...partial, updatedAt: new Date().toISOString() }
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(merged, null, 2) + '\n')
  renameSync(temporary, file)
  return merged
}
