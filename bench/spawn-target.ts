import { spawn, type ChildProcess } from 'node:child_process'
import { connect, createServer } from 'node:net'
import path from 'node:path'

// Starts a benchmark target in its own process and waits until it says it is listening.

export const ROOT = path.resolve(import.meta.dirname, '..')
/** node --import tsx: one process per target (the tsx wrapper binary would add a parent that
 * must relay signals, and could leave the real server behind). */
export const NODE = process.execPath
export const tsArgs = (file: string) => ['--import', 'tsx', file]

export type Target = { name: string; url: string; child: ChildProcess; stop(): Promise<number | null> }

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Resolves once something accepts TCP connections on the port. */
async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)))
      socket.on('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** `ready` is a line the process prints once listening, or 'port' for silent servers (nginx). */
export function spawnTarget(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  ready: RegExp | 'port' = /listening/,
): Promise<Target> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 180_000)
    const done = () => {
      clearTimeout(timer)
      resolve({
        name,
        url: `http://127.0.0.1:${port}`,
        child,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM')
          return exited
        },
      })
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk
      if (ready !== 'port' && ready.test(output)) done()
    })
    child.stderr!.on('data', (chunk) => (output += chunk))
    if (ready === 'port') waitForPort(port, 60_000).then(done, reject)
    void exited.then((code) => reject(new Error(`${name} exited (${code}):\n${output}`)))
  })
}

/** `server/gateway-only.ts` on `databaseUrl`, with `workers` workers and charging on or off. */
export async function spawnGateway(
  databaseUrl: string,
  workers: number,
  charging: 'on' | 'off' = 'on',
  env: Record<string, string> = {},
) {
  const port = await freePort()
  return spawnTarget(
    `gateway x${workers}${charging === 'off' ? ' (charging off)' : ''}`,
    NODE,
    tsArgs('server/gateway-only.ts'),
    {
      DATABASE_URL: databaseUrl,
      GATEWAY_PORT: String(port),
      GATEWAY_HOSTNAME: '127.0.0.1',
      GATEWAY_WORKERS: String(workers),
      GATEWAY_CHARGING: charging,
      // The bench upstreams listen on 127.0.0.1, which the outbound policy refuses by default.
      TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: '1',
      ...env,
    },
    port,
  )
}

/** The benchmark's upstream (bench/bench-upstream.ts) in its own process. */
export async function spawnBenchUpstream(): Promise<Target> {
  const port = await freePort()
  return spawnTarget('upstream', NODE, tsArgs('bench/bench-upstream.ts'), { PORT: String(port) }, port)
}
