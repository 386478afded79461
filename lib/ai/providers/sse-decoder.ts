import { createParser, type EventSourceMessage } from 'eventsource-parser'
import { providerError } from './provider-errors'

// Server-Sent Events framing (WHATWG HTML §9.2) over raw bytes as they arrive: a chunk may end in
// the middle of a line or of a UTF-8 sequence, so bytes go through a streaming TextDecoder first.

/** One event's data may not grow past this (a provider that never ends a line is cut off). */
const MAX_EVENT_CHARS = 8 * 1024 * 1024

export class SseDecoder {
  private readonly decoder = new TextDecoder('utf-8')
  private events: EventSourceMessage[] = []
  private failure: string | null = null
  private readonly parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: (event) => this.events.push(event),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') this.failure = 'The provider sent an event larger than 8 MiB.'
    },
  })

  push(bytes: Uint8Array): EventSourceMessage[] {
    this.parser.feed(this.decoder.decode(bytes, { stream: true }))
    return this.take()
  }

  end(): EventSourceMessage[] {
    const rest = this.decoder.decode()
    if (rest) this.parser.feed(rest)
    this.parser.reset({ consume: true })
    return this.take()
  }

  private take(): EventSourceMessage[] {
    if (this.failure) throw providerError(this.failure)
    const events = this.events
    this.events = []
    return events
  }
}

/** An event's data as JSON; a provider that sends anything else has broken its own format. */
export function parseEventJson(data: string, provider: string): unknown {
  try {
    return JSON.parse(data)
  } catch {
    throw providerError(`${provider} sent a stream event that is not JSON.`)
  }
}
