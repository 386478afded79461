import { spawn, type ChildProcess } from 'node:child_process'
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

/** `startTimeoutMs`: how long it may take to say it listens (tsx compiles it first, slow on a loaded machine). */
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
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      resolve({
        child,
        url: `http://127.0.0.1:${match[1]}`,
        output: () => output,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null) child.kill(signal)
          return exited
        },
      })
    }
    child.stdout!.on('data', onData)
    void exited.then((code) => reject(new Error(`gateway-only exited early (${code}):\n${output}`)))
  })
}
