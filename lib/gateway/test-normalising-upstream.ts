import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

// An upstream that resolves the path it receives the way real servers do, and reports where it
// landed. First WHATWG URL parsing of the raw target (what Node frameworks, Deno and browsers do:
// "\" becomes "/", "." and ".." segments resolve, "%2e" counts as "."), then a decoding server's
// second pass: decodeURIComponent and another normalisation. A path that resolves outside
// `insidePrefix` is answered with PRIVATE_DATA, as another API on the same upstream would.

export const PRIVATE_DATA = 'ACME-PRIVATE-ORDERS'

export type SeenRequest = { raw: string; paths: string[]; inside: boolean }

export type NormalisingUpstream = { url: string; seen: SeenRequest[]; close(): Promise<void> }

export function normalisedPaths(raw: string): string[] {
  const base = 'http://upstream.test'
  const first = new URL(raw, base).pathname
  const paths = [first]
  try {
    paths.push(new URL(decodeURIComponent(first), base).pathname)
  } catch {
    // Invalid escapes: a decoding server answers 400 here, so nothing is served.
  }
  return paths
}

export async function startNormalisingUpstream(insidePrefix: string): Promise<NormalisingUpstream> {
  const seen: SeenRequest[] = []
  const isInside = (path: string) => path === insidePrefix || path.startsWith(insidePrefix + '/')
  const server = createServer((req, res) => {
    const raw = req.url ?? ''
    const paths = normalisedPaths(raw)
    const inside = paths.every(isInside)
    seen.push({ raw, paths, inside })
    const body = JSON.stringify({ raw, paths, data: inside ? 'weather' : PRIVATE_DATA })
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
