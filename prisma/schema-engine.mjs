#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded on machines
// without internet. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. It speaks the same
// protocol as the binary and does the work with @prisma/schema-engine-wasm (the WebAssembly build
// of the same engine) plus a driver adapter: better-sqlite3 for file: URLs, pg for postgresql://.
// See /work/shared/notes/prisma-offline.md for the route and the pitfalls handled in ./schema-engine/.
//
// Invocations (made by the Prisma CLI):
//   schema-engine.mjs --datamodels <file>... --datasource '{"url":...,"shadowDatabaseUrl":...}'
//       → JSON-RPC server on stdin/stdout until stdin closes
//   schema-engine.mjs --datasource '{"url":...}' cli can-connect-to-database|create-database|drop-database
//       → one-off command, result in the exit code and on stderr
//   schema-engine.mjs --version
import { runCliCommand } from './schema-engine/cli-commands.mjs'
import { EngineSession } from './schema-engine/engine.mjs'
import { logError } from './schema-engine/log.mjs'
import { serveRpc } from './schema-engine/rpc.mjs'
import { loadSchemaEngineWasm } from './schema-engine/wasm.mjs'

function parseArgs(argv) {
  const args = { datamodelPaths: [], datasource: undefined, cli: undefined, version: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--datamodels') {
      // Both `--datamodels a b` and repeated `--datamodels a --datamodels b` occur.
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') && argv[i + 1] !== 'cli') {
        args.datamodelPaths.push(argv[++i])
      }
    } else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i])
    else if (arg === '--version' || arg === '-V') args.version = true
    else if (arg === 'cli') args.cli = argv[++i]
    // Other flags (--enabled-preview-features, --extension-types) mean nothing to the wasm engine.
    else if (arg.startsWith('--') && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) i++
  }
  return args
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (args.version) {
    const { version } = await loadSchemaEngineWasm()
    process.stdout.write(`schema-engine-cli ${version()} (wasm shim)\n`)
    return
  }
  if (args.cli) {
    process.exitCode = await runCliCommand(args.cli, args.datasource)
    return
  }
  // Opened on the first request, not at start-up: a failure to connect must come back as the
  // answer to a request (see schema-engine/rpc.mjs for why dying early is not an option).
  let opening
  const session = {
    call(method, params, context) {
      opening ??= EngineSession.open(args)
      return opening.then((s) => s.call(method, params, context))
    },
    async close() {
      const opened = await opening?.catch(() => null)
      await opened?.close()
    },
  }
  let closing = false
  const close = async (code) => {
    if (closing) return
    closing = true
    await session.close().catch(() => {})
    process.exit(code)
  }
  // The CLI ends stdin when it is done and sends SIGTERM right after; both mean "clean up and go".
  process.on('SIGTERM', () => close(0))
  process.on('SIGINT', () => close(130))
  const rpc = serveRpc(session, { onClose: close })
  // E.g. a pg socket error outside any query: log it and fail the request in flight, but stay up.
  const crash = (error) => {
    logError(`schema engine shim: ${error?.stack ?? error}`)
    rpc.failCurrent(error)
  }
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
}

main().catch((error) => {
  logError(String(error?.stack ?? error))
  process.exit(1)
})
