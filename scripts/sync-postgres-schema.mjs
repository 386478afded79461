#!/usr/bin/env node
// Generates prisma/postgres/schema.prisma from prisma/schema.prisma, the one source of truth for the
// models. Only the datasource provider and the client's output folder differ between the two.
// prisma/migrations-drift.test.ts fails when the committed copy is stale: run `npm run db:sync-schema`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SQLITE_SCHEMA = path.join(root, 'prisma/schema.prisma')
export const POSTGRES_SCHEMA = path.join(root, 'prisma/postgres/schema.prisma')

const HEADER = [
  '// generated, do not edit: made from prisma/schema.prisma by scripts/sync-postgres-schema.mjs',
  '// (npm run db:sync-schema). Edit prisma/schema.prisma, then run npm run db:new-migration NAME.',
  '',
  '',
].join('\n')

/** Replaces exactly one match of `pattern` inside the block `kind name { ... }`, or throws. */
function replaceInBlock(text, kind, pattern, replacement) {
  const block = new RegExp(`^(${kind}\\s+\\w+\\s*\\{)([^}]*)(\\})`, 'm')
  const m = block.exec(text)
  if (!m) throw new Error(`prisma/schema.prisma has no ${kind} block`)
  if (!pattern.test(m[2])) throw new Error(`prisma/schema.prisma: ${kind} block does not match ${pattern}`)
  const body = m[2].replace(pattern, replacement)
  return text.slice(0, m.index) + m[1] + body + m[3] + text.slice(m.index + m[0].length)
}

/** The text prisma/postgres/schema.prisma must have, given the text of prisma/schema.prisma. */
export function postgresSchemaFrom(sqliteSchemaText) {
  let text = sqliteSchemaText.replace(/\r\n/g, '\n')
  text = replaceInBlock(text, 'datasource', /(provider\s*=\s*)"sqlite"/, '$1"postgresql"')
  // The generated folder is one level deeper relative to prisma/postgres/.
  text = replaceInBlock(text, 'generator', /(output\s*=\s*)"\.\.\/generated\/sqlite"/, '$1"../../generated/postgres"')
  return HEADER + text
}

/** Reads prisma/schema.prisma and returns the expected PostgreSQL schema text. */
export function expectedPostgresSchema() {
  return postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, 'utf8'))
}

/** Writes prisma/postgres/schema.prisma if it differs; returns true when it changed. */
export function syncPostgresSchema({ quiet = false } = {}) {
  const expected = expectedPostgresSchema()
  let current = null
  try {
    current = readFileSync(POSTGRES_SCHEMA, 'utf8')
  } catch {}
  if (current === expected) return false
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true })
  writeFileSync(POSTGRES_SCHEMA, expected)
  if (!quiet) console.log('Updated prisma/postgres/schema.prisma')
  return true
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!syncPostgresSchema()) console.log('prisma/postgres/schema.prisma is up to date')
}
