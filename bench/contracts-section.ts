// bench/results.md holds the gateway's figures (run-bench.ts) and the contracts' (contracts-bench.ts),
// measured by separate runs: each run replaces its own part and keeps the other's.
export const START = '<!-- contracts -->'
export const END = '<!-- /contracts -->'

/** `markdown` with its contracts section replaced by `section` (or, with none given, the one in `previous`). */
export function withContractsSection(markdown: string, section: string | null, previous = markdown): string {
  const kept = section ?? between(previous)
  const without = markdown.replace(new RegExp(`\\n*${START}[\\s\\S]*?${END}\\n*`), '\n')
  return kept ? `${without.trimEnd()}\n\n${kept}\n` : without
}

function between(text: string): string | null {
  const start = text.indexOf(START)
  const end = text.indexOf(END)
  return start >= 0 && end > start ? text.slice(start, end + END.length) : null
}
