// The catalog searches one lower-cased column, which behaves the same on SQLite and PostgreSQL.
// It holds the API's name, description and tags, then each distinct word of the operation
// summaries of the contract the catalog shows (refresh-api-search-text.ts), up to a cap: a
// 1,000-operation contract adds words, not 200 KB of repeated ones.

const MAX_SUMMARY_WORDS_LENGTH = 20_000

export function buildSearchText(name: string, description: string, tags: string[], summaries: string[] = []): string {
  const words = new Set(normalize(summaries.join(' ')).split(' ').filter(Boolean))
  let summaryWords = ''
  for (const word of words) {
    if (summaryWords.length + word.length + 1 > MAX_SUMMARY_WORDS_LENGTH) break
    summaryWords += ` ${word}`
  }
  return normalize([name, description, ...tags].join(' ') + summaryWords)
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
}
