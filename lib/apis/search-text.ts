// The catalog searches one lower-cased column, which behaves the same on SQLite and PostgreSQL.
export function buildSearchText(name: string, description: string, tags: string[]): string {
  return [name, description, ...tags].join(' ').toLowerCase().replace(/\s+/g, ' ').trim()
}
