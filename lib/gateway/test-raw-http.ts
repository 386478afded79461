import net from 'node:net'

// A raw HTTP/1.1 exchange over node:net, for tests that must send bytes no HTTP client would
// (backslashes, "*", absolute-form targets, broken Host headers, repeated credentials): nothing
// between the test and the server normalises the request line or the headers.

export type RawResponse = {
  status: number
  /** Lower-case names; every value of a repeated header, in order. */
  headers: Record<string, string[]>
  header(name: string): string | undefined
  body: string
  json(): Record<string, unknown>
  /** The whole answer as received. */
  raw: string
}

/** Sends `request` (already framed) to `origin` ("http://host:port") and reads until the server closes. */
export function rawExchange(origin: string, request: string | Buffer, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname)
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(
        new Error(
          `no complete answer within ${timeoutMs} ms: ${Buffer.concat(chunks).toString('latin1').slice(0, 200)}`,
        ),
      )
    }, timeoutMs)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.on('close', () => {
      clearTimeout(timer)
      try {
        resolve(parseResponse(Buffer.concat(chunks).toString('latin1')))
      } catch (error) {
        reject(error)
      }
    })
    socket.write(request)
  })
}

/** A request line plus headers (Host and Connection: close first unless given), no body. */
export function rawRequest(origin: string, requestLine: string, headerLines: string[] = []): Promise<RawResponse> {
  const { host } = new URL(origin)
  const lower = headerLines.map((line) => line.toLowerCase())
  const lines = [
    requestLine,
    ...(lower.some((line) => line.startsWith('host:')) ? [] : [`Host: ${host}`]),
    ...(lower.some((line) => line.startsWith('connection:')) ? [] : ['Connection: close']),
    ...headerLines,
  ]
  return rawExchange(origin, lines.join('\r\n') + '\r\n\r\n')
}

function parseResponse(raw: string): RawResponse {
  const headEnd = raw.indexOf('\r\n\r\n')
  if (headEnd === -1) throw new Error(`not an HTTP answer: ${JSON.stringify(raw.slice(0, 200))}`)
  const [statusLine, ...lines] = raw.slice(0, headEnd).split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1])
  const headers: Record<string, string[]> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    ;(headers[line.slice(0, colon).trim().toLowerCase()] ??= []).push(line.slice(colon + 1).trim())
  }
  let body = raw.slice(headEnd + 4)
  if (headers['transfer-encoding']?.[0] === 'chunked') body = unchunk(body)
  // Framing is in bytes (read as latin1); the body's text is UTF-8.
  body = Buffer.from(body, 'latin1').toString('utf8')
  return {
    status,
    headers,
    header: (name) => headers[name.toLowerCase()]?.join(', '),
    body,
    json: () => JSON.parse(body) as Record<string, unknown>,
    raw: Buffer.from(raw, 'latin1').toString('utf8'),
  }
}

function unchunk(text: string): string {
  let out = ''
  let at = 0
  for (;;) {
    const lineEnd = text.indexOf('\r\n', at)
    if (lineEnd === -1) return out
    const size = parseInt(text.slice(at, lineEnd), 16)
    if (!(size > 0)) return out
    out += text.slice(lineEnd + 2, lineEnd + 2 + size)
    at = lineEnd + 2 + size + 2
  }
}
