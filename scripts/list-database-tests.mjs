// Prints the test files that reach a database: those that import lib/testing/test-database.ts,
// directly or through any chain of imports. CI runs exactly these a second time on PostgreSQL;
// pure unit tests (translators, parsers, money maths) would only repeat themselves there.
import madge from 'madge'

const DATABASE_FIXTURE = 'lib/testing/test-database.ts'

const graph = await madge(['lib', 'components', 'server', 'prisma', 'app'], {
  fileExtensions: ['ts', 'tsx', 'mjs'],
  tsConfig: 'tsconfig.json',
  excludeRegExp: [/^generated\//, /node_modules/],
})
const deps = graph.obj()

// Walk the import graph backwards from the fixture: every file that imports it, then every file
// that imports one of those, and so on.
const importers = new Map()
for (const [file, imports] of Object.entries(deps))
  for (const dep of imports) importers.set(dep, [...(importers.get(dep) ?? []), file])
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
