// JSON-RPC 2.0 over stdio, one JSON object per line, as the Prisma CLI speaks to its engine.
//
// The one rule that matters most: while the CLI waits for an answer, never exit without sending
// one. If the engine process dies mid-request, the CLI (7.10.1) ends up awaiting a promise that only
// an unref'd timer resolves, and exits with code 0 and no output: a failed `migrate diff
// --exit-code` would look like "no drift". So every failure becomes an error response, and the
// process stays up until the CLI closes stdin.
import { createInterface } from 'node:readline'
import { redact } from './datasource.mjs'

// Engine errors as the native binary reports them: the CLI reads data.message and, if present,
// data.error_code (e.g. P3005), and shows them as a user-facing error.
const USER_FACING = 4466

function toRpcError(error) {
  if (error?.rpcCode) return { code: error.rpcCode, message: error.message }
  let message = String(error?.message ?? error)
  // wasm errors carry a span trace ("   0: schema_engine_wasm::...") the native CLI never shows.
  message = message
    .replace(/\n\s+0: [\s\S]*$/, '')
    .replace(/^Error: /, '')
    .trimEnd()
  if (error instanceof WebAssembly.RuntimeError) message = `The wasm schema engine crashed: ${message}`
  const errorCode = typeof error?.code === 'string' && /^P\d{4}$/.test(error.code) ? error.code : undefined
  return {
    code: USER_FACING,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message: redact(message), meta: {}, ...(errorCode ? { error_code: errorCode } : {}) },
  }
}

/**
 * Serves `session.call(method, params, { print })` until stdin closes, then calls onClose().
 * Requests are handled one at a time, in order, like the native engine does.
 * @returns {{ failCurrent(error: unknown): void }} answers the request in flight with an error
 *   (for crashes outside any request's own promise chain, e.g. a driver's socket error)
 */
export function serveRpc(session, { onClose }) {
  const send = (message) => process.stdout.write(JSON.stringify(message) + '\n')
  let nextPrintId = 1_000_000 // far from the CLI's own request ids
  const print = async (content) => send({ jsonrpc: '2.0', id: nextPrintId++, method: 'print', params: { content } })

  let current = null // { id, answered }
  let broken = null // after a crash nothing more is attempted; later requests get the same error
  const answer = (request, payload) => {
    if (request.answered) return
    request.answered = true
    send({ jsonrpc: '2.0', id: request.id, ...payload })
  }

  const handle = async (request) => {
    current = request
    try {
      if (broken) throw broken
      const result = await session.call(request.method, request.params, { print })
      // A missing result reads as "invalid response" to the CLI, so `undefined` becomes null.
      answer(request, { result: result ?? null })
    } catch (error) {
      // A panicked wasm instance cannot be trusted with another request.
      if (error instanceof WebAssembly.RuntimeError) broken = error
      answer(request, { error: toRpcError(error) })
    } finally {
      current = null
    }
  }

  let queue = Promise.resolve()
  createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on('line', (line) => {
      if (!line.trim()) return
      let message
      try {
        message = JSON.parse(line)
      } catch {
        send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })
        return
      }
      // Replies to our `print` requests come back on stdin; nothing to do with them.
      if (typeof message.method !== 'string') return
      queue = queue.then(() => handle(message))
    })
    // The CLI closes stdin only once it has every answer it wants; a request still "in flight"
    // then can only be one stuck after a crash, so do not wait for it.
    .on('close', () => onClose(0))

  return {
    failCurrent(error) {
      broken = error instanceof Error ? error : new Error(String(error))
      if (current) answer(current, { error: toRpcError(broken) })
    },
  }
}
