import { request } from 'undici'
import type { TestGateway } from '@/lib/gateway/test-fixtures'
import type { World } from '@/lib/gateway/test-world'

export type GatewayProbe = { count: number; statuses: Set<number>; medianMs: number; slowestMs: number }

/**
 * What a tenant would feel: calls through a real gateway, in the same process as the work under
 * test. `target` is read on each call, so a test file can make the prober before its beforeAll.
 */
export function gatewayProber(target: () => { gw: TestGateway; world: World }) {
  async function gatewayCall() {
    const { gw, world } = target()
    const started = performance.now()
    const res = await request(`${gw.url}${world.base('weather', 'v2')}/current`, {
      headers: { authorization: `Bearer ${world.keys.valid.value}` },
    })
    await res.body.text()
    return { status: res.statusCode, ms: performance.now() - started }
  }

  /**
   * Calls the gateway back to back until stopped. Before contracts left the event loop one took
   * 7.3 s; on a shared 2-core machine an idle process already sees the odd 100+ ms, hence
   * generous bounds in the tests rather than tight ones.
   */
  function probeGateway(): () => Promise<GatewayProbe> {
    const calls: Array<{ status: number; ms: number }> = []
    let running = true
    const loop = (async () => {
      while (running) calls.push(await gatewayCall())
    })()
    return async () => {
      running = false
      await loop
      const ms = calls.map((c) => c.ms).sort((a, b) => a - b)
      return {
        count: calls.length,
        statuses: new Set(calls.map((c) => c.status)),
        medianMs: ms[Math.floor(ms.length / 2)],
        slowestMs: ms[ms.length - 1],
      }
    }
  }

  return { gatewayCall, probeGateway }
}
