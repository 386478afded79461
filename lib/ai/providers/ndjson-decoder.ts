import { providerError } from './provider-errors'

// Newline-delimited JSON (one object a line, as Ollama streams), over raw bytes as they arrive.

const MAX_LINE_CHARS = 8 * 1024 * 1024

export class NdjsonDecoder {
  private readonly decoder = new TextDecoder('utf-8')
  private buffer = ''

  constructor(private readonly provider: string) {}

  push(bytes: Uint8Array): unknown[] {
    this.buffer += this.decoder.decode(bytes, { stream: true })
    const lines = this.buffer.split('\n')
    this.buffer = lines.pop() ?? ''
    if (this.buffer.length > MAX_LINE_CHARS) throw providerError(`${this.provider} sent a line larger than 8 MiB.`)
    return this.parse(lines)
  }

  end(): unknown[] {
    const rest = this.buffer + this.decoder.decode()
    this.buffer = ''
    return this.parse([rest])
  }

  private parse(lines: string[]): unknown[] {
    const values: unknown[] = []
    for (const line of lines) {
      const text = line.trim()
      if (!text) continue
      try {
        values.push(JSON.parse(text))
      } catch {
        throw providerError(`${this.provider} sent a stream line that is not JSON.`)
      }
    }
    return values
  }
}
