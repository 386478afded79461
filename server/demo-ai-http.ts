import type { ServerResponse } from 'node:http'

// What the demo AI provider's two formats share: the route and its knobs, JSON and SSE writing.

export type DemoKnobs = { status: number | null; delay: number; chunkDelay: number }

export type DemoRoute = { format: 'openai' | 'anthropic'; path: string; method: string; knobs: DemoKnobs }

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(value)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

let sequence = 0
/** A fresh id for each answer ("chatcmpl-demo-7", "msg_demo_7"). */
export const nextDemoId = () => ++sequence

/** Writes SSE text and waits `ms`, unless the client has gone. */
export async function writeSlowly(res: ServerResponse, text: string, ms: number): Promise<boolean> {
  if (res.destroyed) return false
  res.write(text)
  if (ms > 0) await sleep(ms)
  return !res.destroyed
}
