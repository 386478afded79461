import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ScriptedReply, ReceivedRequest } from '../providers/test-provider-upstream'

// A provider whose stream takes its time (`gapMs` between events), and which records whether each
// stream was read to its end: a gateway that hung up on it when the client left would cut it short.

export type SlowProvider = { url: string; finished: number; cut: number; close(): Promise<void> }

/** `cutAfter`: destroy the socket after that many events, as a provider that crashes mid-answer. */
export async function startSlowProvider(
  reply: (request: ReceivedRequest) => ScriptedReply,
  gapMs: number,
  cutAfter = Infinity,
) {
  const state = { finished: 0, cut: 0 }
  const server = createServer(async (req, res) => {
    const parts: Buffer[] = []
    for await (const part of req as AsyncIterable<Buffer>) parts.push(part)
    const body = Buffer.concat(parts).toString('utf8')
    const answer = reply({
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
      json: JSON.parse(body),
    })
    res.writeHead(200, { 'content-type': 'text/event-stream', ...answer.headers })
    res.on('close', () => {
      if (!res.writableFinished) state.cut++
    })
    for (const [index, piece] of (answer.pieces ?? []).entries()) {
      if (res.destroyed) return
      if (index === cutAfter) return void res.destroy()
      res.write(piece)
      await new Promise((resolve) => setTimeout(resolve, gapMs))
    }
    res.end(() => state.finished++)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const provider: SlowProvider = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get finished() {
      return state.finished
    },
    get cut() {
      return state.cut
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return provider
}
