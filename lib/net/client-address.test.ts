import type { IncomingMessage } from 'node:http'
import { describe, expect, test } from 'vitest'
import { clientAddress, trustedProxies } from './client-address'

function request(remoteAddress: string | undefined, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress },
    connection: { remoteAddress },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  } as unknown as IncomingMessage
}

describe('clientAddress', () => {
  test.each([
    ['no proxy trusted: the socket peer, whatever the header says', '', '203.0.113.9', '198.51.100.1', '203.0.113.9'],
    ['a trusted proxy: the hop it forwarded for', '127.0.0.1', '127.0.0.1', '198.51.100.1', '198.51.100.1'],
    [
      'a trusted range, two hops: the first untrusted one from the right',
      '10.0.0.0/8',
      '10.0.0.2',
      '198.51.100.7, 10.0.0.5',
      '198.51.100.7',
    ],
    [
      'a spoofed chain behind a trusted proxy: only the hop the proxy saw',
      'loopback',
      '127.0.0.1',
      '1.1.1.1, 198.51.100.2',
      '198.51.100.2',
    ],
    ['an untrusted peer cannot vouch for anyone', '10.0.0.0/8', '203.0.113.50', '10.0.0.9', '203.0.113.50'],
  ])('%s', (_name, trust, peer, header, expected) => {
    expect(clientAddress(request(peer, header), trustedProxies(trust))).toBe(expected)
  })

  test('a socket with no peer address (already closed) is "unknown"', () => {
    expect(clientAddress(request(undefined, '198.51.100.1'), trustedProxies('loopback'))).toBe('unknown')
  })
})
