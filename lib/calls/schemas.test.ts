import { describe, expect, test } from 'vitest'
import { callLogHref } from './call-log-href'
import { decodeCursor, encodeCursor } from '@/lib/pagination/paginate-cursor'
import { callLogQueryToParams, parseCallLogQuery, parseInstant } from './schemas'

// Every bad or missing param falls back to its default: a hand-edited URL never causes a 500.

const NOW = new Date('2026-11-24T15:00:00Z')
const parse = (params: unknown) => parseCallLogQuery(params, NOW)

describe('parseCallLogQuery', () => {
  test('defaults: owner view, last 24 h, no filters', () => {
    const q = parse({})
    expect(q).toMatchObject({
      view: 'owner',
      range: '24h',
      apiId: undefined,
      status: undefined,
      after: undefined,
      before: undefined,
    })
    expect(q.from.toISOString()).toBe('2026-11-23T15:00:00.000Z')
    expect(q.to).toEqual(NOW)
  })

  test.each([
    ['an unknown view', { view: 'admin' }, { view: 'owner' }],
    ['an unknown range', { range: '1y' }, { range: '24h' }],
    ['status 6xx', { status: '6xx' }, { status: undefined }],
    ['status 42', { status: '42' }, { status: undefined }],
    ['status 999', { status: '999' }, { status: undefined }],
    ['an api id with SQL in it', { api: "x' OR 1=1" }, { apiId: undefined }],
    ['negative slow', { slow: '-5' }, { slowMs: undefined }],
    ['slow that is not a number', { slow: 'fast' }, { slowMs: undefined }],
    ['a garbage cursor', { cursor: 'abc' }, { after: undefined }],
    ['an empty request id', { q: '   ' }, { requestId: undefined }],
    ['a date that is not a date', { from: 'yesterday' }, { range: '24h' }],
    ['from after to', { from: '2026-11-24T12:00Z', to: '2026-11-24T10:00Z' }, { range: '24h' }],
    ['an impossible date', { from: '2026-13-45T99:00' }, { range: '24h' }],
    ['a key id with SQL in it', { key: "key_1' OR 1=1" }, { keyId: undefined }],
    ['an incident id with SQL in it', { incident: "inc_1' --" }, { incidentId: undefined }],
    ['a consumer id with SQL in it', { consumer: "team_1' OR 1=1" }, { consumerTeamId: undefined }],
    [
      'a consumer in the consumer view (the team is the consumer)',
      { view: 'consumer', consumer: 'team_other' },
      { consumerTeamId: undefined },
    ],
  ])('%s falls back', (_label, params, expected) => {
    expect(parse(params)).toMatchObject(expected)
  })

  test.each([
    ['status class', { status: '5XX' }, { status: { kind: 'class', value: '5xx' } }],
    ['exact status', { status: '402' }, { status: { kind: 'code', code: 402 } }],
    ['errors', { status: 'errors' }, { status: { kind: 'class', value: 'errors' } }],
    ['consumer key', { view: 'consumer', key: 'key_1' }, { view: 'consumer', keyId: 'key_1' }],
    ["a consumer's key in the owner view", { key: 'key_1' }, { view: 'owner', keyId: 'key_1' }],
    ['incident', { incident: 'inc_abc123' }, { incidentId: 'inc_abc123' }],
    ['consumer team in the owner view', { consumer: 'team_abc123' }, { view: 'owner', consumerTeamId: 'team_abc123' }],
    ['repeated params keep the first', { status: ['404', '500'] }, { status: { kind: 'code', code: 404 } }],
    ['preset range', { range: '7d' }, { range: '7d', from: new Date('2026-11-17T15:00:00Z') }],
    [
      'from alone runs until now',
      { from: '2026-11-24T10:00:00Z' },
      { range: 'custom', from: new Date('2026-11-24T10:00:00Z'), to: NOW },
    ],
  ])('%s', (_label, params, expected) => {
    expect(parse(params)).toMatchObject(expected)
  })

  test('a cursor round-trips; with both, the older cursor wins', () => {
    const row = { createdAt: new Date('2026-11-24T14:00:00.123Z'), id: 'inv_abc' }
    expect(decodeCursor(encodeCursor(row))).toEqual(row)
    const q = parse({ cursor: encodeCursor(row), before: encodeCursor(row) })
    expect(q.after).toEqual(row)
    expect(q.before).toBeUndefined()
  })

  test('callLogQueryToParams leaves out defaults and round-trips the rest', () => {
    expect(callLogQueryToParams(parse({}))).toEqual(
      Object.fromEntries(Object.keys(callLogQueryToParams(parse({}))).map((k) => [k, undefined])),
    )
    const params = {
      view: 'consumer',
      api: 'api_1',
      key: 'key_1',
      status: '5xx',
      slow: '250',
      incident: 'inc_1',
      from: '2026-11-24T10:00:00.000Z',
      to: '2026-11-24T11:00:00.000Z',
    }
    const round = callLogQueryToParams(parse(params))
    expect(Object.fromEntries(Object.entries(round).filter(([, v]) => v !== undefined))).toEqual(params)
    const owner = { api: 'api_1', consumer: 'team_b', from: '2026-11-24T10:00:00.000Z', to: '2026-11-24T11:00:00.000Z' }
    expect(
      Object.fromEntries(Object.entries(callLogQueryToParams(parse(owner))).filter(([, v]) => v !== undefined)),
    ).toEqual(owner)
  })

  test("the revenue chart's drill-down link parses back to the consumer, the API and the window", () => {
    const from = new Date('2026-10-25T00:00:00Z')
    const href = callLogHref('acme', { view: 'owner', consumer: 'team_b', api: 'api_1', from, to: NOW })
    expect(href.startsWith('/t/acme/calls?')).toBe(true)
    const q = parse(Object.fromEntries(new URL(href, 'http://x').searchParams))
    expect(q).toMatchObject({ view: 'owner', consumerTeamId: 'team_b', apiId: 'api_1', range: 'custom', from, to: NOW })
    // A consumer link never carries the parameter into the consumer view.
    expect(callLogHref('acme', { view: 'consumer', consumer: 'team_b' })).toBe('/t/acme/calls?view=consumer')
  })
})

describe('parseInstant', () => {
  test.each([
    ['2026-11-24T10:00', '2026-11-24T10:00:00.000Z'],
    ['2026-11-24T10:00:00+02:00', '2026-11-24T08:00:00.000Z'],
    ['2026-11-24', '2026-11-24T00:00:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseInstant(input)?.toISOString()).toBe(iso)
  })

  test.each(['', 'now', '1700000000', '1999-01-01T00:00Z', '2026-02-30T10:00Z', '2026-00-10', '2026-11-24T25:00Z'])(
    'rejects %j',
    (input) => {
      expect(parseInstant(input)).toBeUndefined()
    },
  )
})
