import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { freePort, ROOT } from './spawn-target'

// The console as a user's browser meets it: `npm start` (production build, built first when the
// sources changed) on a given database, a real sign-in through Auth.js's credentials endpoint, and
// whole-page GETs timed from the request to the last byte of the HTML on loopback: the server's
// own time, render and streaming included.

export type PageTiming = { path: string; bytes: number; times: number[] }

/** A Cookie header from Set-Cookie lines (a later cookie of the same name wins, as in a browser). */
function cookieHeader(response: Response, jar = new Map<string, string>()): string {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0]
    jar.set(pair.slice(0, pair.indexOf('=')), pair)
  }
  return [...jar.values()].join('; ')
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const jar = new Map<string, string>()
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(csrf, jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/catalog' }),
  })
  const cookie = cookieHeader(answer, jar)
  if (!/authjs\.session-token=[^;]/.test(cookie)) throw new Error(`signing in as ${email} failed (${answer.status})`)
  return cookie
}

/**
 * Starts Tollgate on `databaseUrl`, signs each `pages[i].email` in, and GETs each page `runs` times
 * after two warm-ups. Throws if a page does not answer 200 with the page's own heading.
 */
export async function timePagesOverHttp(
  databaseUrl: string,
  pages: { email: string; path: string; expect: string }[],
  runs: number,
  password = process.env.SEED_PASSWORD || 'tollgate-demo',
): Promise<PageTiming[]> {
  const port = await freePort()
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), DEMO_UPSTREAM: 'off', HOSTNAME: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npm start runs the server as a grandchild, which must stop with it.
    detached: true,
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const base = `http://127.0.0.1:${port}`
  try {
    // A first run builds the console, which takes minutes on 2 cores.
    const deadline = Date.now() + 15 * 60_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`)
      const up = await fetch(`${base}/login`).then(
        (r) => r.ok,
        () => false,
      )
      if (up) break
      if (Date.now() > deadline) throw new Error(`npm start did not answer:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const cookies = new Map<string, string>()
    const timings: PageTiming[] = []
    for (const page of pages) {
      if (!cookies.has(page.email)) cookies.set(page.email, await signIn(base, page.email, password))
      const once = async () => {
        const started = performance.now()
        const response = await fetch(base + page.path, { headers: { cookie: cookies.get(page.email)! } })
        const html = await response.text()
        const ms = performance.now() - started
        if (response.status !== 200 || !html.includes(page.expect))
          throw new Error(`${page.path} answered ${response.status} without "${page.expect}"`)
        return { ms, bytes: html.length }
      }
      await once()
      await once()
      const times: number[] = []
      let bytes = 0
      for (let i = 0; i < runs; i++) {
        const run = await once()
        times.push(run.ms)
        bytes = run.bytes
      }
      timings.push({ path: page.path, bytes, times })
    }
    return timings
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
    await exited
  }
}
