import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { measure } from './measure-target'
import { freePort, NODE, spawnTarget, tsArgs } from './spawn-target'

// The gateway under load with `node --cpu-prof`: self time per function, summed over the main
// thread's and the writer thread's profiles, to show where the CPU per call goes.

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export type ProfileFrame = { name: string; where: string; selfPct: number }

function selfTimes(profile: Profile, totals: Map<string, { where: string; ms: number }>): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  let total = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const frame = byId.get(id)!.callFrame
    if (frame.functionName === '(idle)') return // waiting, not CPU
    total += ms
    const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|lib|server|bench)\//, '$1/')
    const name = frame.functionName || '(anonymous)'
    const key = `${name}\t${file}:${frame.lineNumber + 1}`
    const entry = totals.get(key) ?? { where: file ? `${file}:${frame.lineNumber + 1}` : '', ms: 0 }
    entry.ms += ms
    totals.set(key, entry)
  })
  return total
}

export async function profileGateway(
  databaseUrl: string,
  path_: string,
  headers: Record<string, string>,
  durationSec: number,
  connections: number,
): Promise<ProfileFrame[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-prof-'))
  const port = await freePort()
  const gateway = await spawnTarget(
    'gateway (profiled)',
    NODE,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...tsArgs('server/gateway-only.ts')],
    {
      DATABASE_URL: databaseUrl,
      GATEWAY_PORT: String(port),
      GATEWAY_HOSTNAME: '127.0.0.1',
      TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: '1',
    },
    port,
  )
  try {
    await measure({ url: gateway.url + path_, headers, durationSec: 2, connections })
    await measure({ url: gateway.url + path_, headers, durationSec, connections })
  } finally {
    await gateway.stop()
  }
  const totals = new Map<string, { where: string; ms: number }>()
  let total = 0
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    total += selfTimes(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile, totals)
  }
  rmSync(dir, { recursive: true, force: true })
  return [...totals.entries()]
    .map(([key, { where, ms }]) => ({ name: key.split('\t')[0], where, selfPct: (100 * ms) / Math.max(1, total) }))
    .sort((a, b) => b.selfPct - a.selfPct)
    .slice(0, Number(process.env.PROFILE_TOP ?? 15))
}
