// Prints the test files that reach a database: those that import lib/testing/test-database.ts,
// directly or through any chain of imports. CI runs exactly these a second time on PostgreSQL;
// pure unit tests (translators, parsers, money maths) would only repeat themselves there.
//
// The graph comes from the import specifiers themselves (relative paths and the tsconfig's `@/`
// alias), not from madge: madge parsed every file with the TypeScript compiler and took 19 s of
// CPU for the same list, which this reads in well under a second. Type-only imports count, so the
// list can only err towards running a file on PostgreSQL.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './lib/local-env.mjs'

const DATABASE_FIXTURE = 'lib/testing/test-database.ts'
const SOURCE_DIRS = ['lib', 'components', 'server', 'prisma', 'app']
const EXTENSIONS = ['.ts', '.tsx', '.mjs']
// `from '…'`, `import '…'`, `import('…')` and `export … from '…'`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g

/** Every .ts, .tsx and .mjs file under the source folders, relative to the root. */
function sourceFiles(dir) {
  const files = []
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'generated') files.push(...sourceFiles(relative))
    } else if (EXTENSIONS.some((extension) => entry.name.endsWith(extension))) files.push(relative)
  }
  return files
}

/** The source file a specifier names, or undefined for packages and files outside the tree. */
function resolveImport(importer, specifier) {
  let base
  if (specifier.startsWith('@/')) base = specifier.slice(2)
  else if (specifier.startsWith('.')) base = path.posix.join(path.posix.dirname(importer), specifier)
  else return undefined
  const stem = base.replace(/\.js$/, '')
  const candidates = [base, ...EXTENSIONS.map((extension) => stem + extension)]
  candidates.push(...EXTENSIONS.map((extension) => path.posix.join(base, `index${extension}`)))
  return candidates.find((candidate) => {
    const full = path.join(ROOT, candidate)
    return existsSync(full) && statSync(full).isFile()
  })
}

const importers = new Map()
for (const file of SOURCE_DIRS.filter((dir) => existsSync(path.join(ROOT, dir))).flatMap(sourceFiles)) {
  for (const [, specifier] of readFileSync(path.join(ROOT, file), 'utf8').matchAll(SPECIFIER)) {
    const dependency = resolveImport(file, specifier)
    if (dependency) importers.set(dependency, [...(importers.get(dependency) ?? []), file])
  }
}

// Walk the import graph backwards from the fixture: every file that imports it, then every file
// that imports one of those, and so on.
const reaching = new Set([DATABASE_FIXTURE])
const queue = [DATABASE_FIXTURE]
while (queue.length > 0)
  for (const importer of importers.get(queue.pop()) ?? [])
    if (!reaching.has(importer)) {
      reaching.add(importer)
      queue.push(importer)
    }

const tests = [...reaching].filter((file) => /\.test\.tsx?$/.test(file))
if (tests.length === 0) throw new Error('no database tests found: the import graph did not resolve')
console.log(tests.sort().join('\n'))
