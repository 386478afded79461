import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './spawn-target'

// bench/results.md is written by separate runs: the gateway table (run-bench.ts), the AI row
// (ai-bench.ts; BENCH_ONLY=ai runs it alone), the contracts (`npm run bench -- contracts`) and
// the AI usage page's server time (`npm run bench -- ai-usage`), the paired CPU rounds (BENCH_ONLY=cpu).
// Each named section sits between HTML comment markers; a run replaces its own sections and keeps
// everyone else's as they were.

export const RESULTS_FILE = path.join(ROOT, 'bench/results.md')

export type SectionName = 'ai' | 'contracts' | 'scale-out' | 'ai-usage' | 'cpu-pairs'

/** `body` between the markers of section `name`. */
export function markSection(name: SectionName, body: string): string {
  return `<!-- ${name} -->\n${body.trim()}\n<!-- /${name} -->`
}

/** `markdown` with section `name` set to `section` (or, with null, kept as it is in `previous`). */
export function withSection(
  markdown: string,
  name: SectionName,
  section: string | null,
  previous: string = markdown,
): string {
  const kept = section ?? sectionIn(previous, name)
  const without = markdown.replace(new RegExp(`\\n*<!-- ${name} -->[\\s\\S]*?<!-- /${name} -->\\n*`), '\n')
  return kept ? `${without.trimEnd()}\n\n${kept}\n` : without
}

export function readResults(): string {
  return existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : ''
}

export function writeResults(markdown: string): void {
  writeFileSync(RESULTS_FILE, markdown)
}

function sectionIn(text: string, name: SectionName): string | null {
  const start = text.indexOf(`<!-- ${name} -->`)
  const endMarker = `<!-- /${name} -->`
  const end = text.indexOf(endMarker)
  return start >= 0 && end > start ? text.slice(start, end + endMarker.length) : null
}
