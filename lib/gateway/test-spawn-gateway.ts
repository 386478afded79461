import { spawn, type ChildProcess } from 'node:child_process'
import { get } from 'node:http'
import path from 'node:path'

// Runs `server/gateway-only.ts` as a separate process (as `npm run gateway` does), for tests that
// need a second instance: config changes seen by polling, and flushing on SIGTERM.

const ROOT = path.resolve(import.meta.dirname, '../..')

export type SpawnedGateway = {
  child: ChildProcess
  url: string
  output: () => string
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Resolves once the process has answered a /healthz: it prints "listening" just before it installs
 * its SIGTERM handler, and it serves a request only after that, so a signal sent from here on is
 * handled, never the default exit. `startTimeoutMs`: how long it may take (tsx compiles it first,
 * slow on a loaded machine).
 */
export function spawnGatewayOnly(env: Record<string, string>, startTimeoutMs = 30_000): Promise<SpawnedGateway> {
  // node --import tsx rather than the tsx binary: one process, so signals reach the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/gateway-only.ts'], {
    cwd: ROOT,
    env: { ...process.env, GATEWAY_PORT: '0', GATEWAY_HOSTNAME: '127.0.0.1', DEMO_UPSTREAM: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway-only did not start:\n${output}`)), startTimeoutMs)
    const onData = () => {
      const match = /listening on http:\/\/[^:]+:(\d+)\//.exec(output)
      if (!match) return
      child.stdout!.off('data', onData)
      const url = `http://127.0.0.1:${match[1]}`
      healthy(url).then(() => {
        clearTimeout(timer)
        resolve({
          child,
          url,
          output: () => output,
          async stop(signal = 'SIGTERM') {
            if (child.exitCode === null) child.kill(signal)
            return exited
          },
        })
      }, reject)
    }
    child.stdout!.on('data', onData)
    void exited.then((code) => reject(new Error(`gateway-only exited early (${code}):\n${output}`)))
  })
}

/** One GET /healthz on a connection of its own (no pooled socket left open for the shutdown to drain). */
function healthy(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(`${url}/healthz`, { agent: false }, (res) => {
      res.resume()
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`gateway-only /healthz answered ${res.statusCode}`)),
      )
    }).on('error', reject)
  })
}
