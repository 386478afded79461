import { describe, expect, test } from 'vitest'
import {
  dashboardQueryToParams,
  parseDashboardQuery,
  previousWindow,
  resolveDashboardWindow,
  resolveQueryWindow,
  rollupWhere,
} from './dashboard-window'

const now = new Date('2026-11-24T15:20:00Z')

describe('resolveDashboardWindow', () => {
  test('24 h: 24 hourly buckets ending with the current hour', () => {
    const w = resolveDashboardWindow('24h', now)
    expect(w.granularity).toBe('hour')
    expect(w.buckets).toHaveLength(24)
    expect(w.from.toISOString()).toBe('2026-11-23T16:00:00.000Z')
    expect(w.to.toISOString()).toBe('2026-11-24T16:00:00.000Z')
    expect(w.buckets[23].toISOString()).toBe('2026-11-24T15:00:00.000Z')
  })

  test('7 d is hourly, 30 d daily (UTC days, today included)', () => {
    expect(resolveDashboardWindow('7d', now).buckets).toHaveLength(168)
    const month = resolveDashboardWindow('30d', now)
    expect(month.granularity).toBe('day')
    expect(month.buckets).toHaveLength(30)
    expect(month.from.toISOString()).toBe('2026-10-26T00:00:00.000Z')
    expect(month.to.toISOString()).toBe('2026-11-25T00:00:00.000Z')
  })
})

describe('parseDashboardQuery', () => {
  test.each([
    [{}, { range: '24h', view: 'owner' }],
    [
      { range: '30d', view: 'consumer' },
      { range: '30d', view: 'consumer' },
    ],
    [
      { range: '1y', view: 'admin' },
      { range: '24h', view: 'owner' },
    ],
    [{ range: ['7d', '30d'] }, { range: '7d', view: 'owner' }],
    [null, { range: '24h', view: 'owner' }],
    // A reversed, empty or unreadable custom range is a field error and the last 24 h, never a 500.
    [
      { range: 'custom', from: '2026-11-20T00:00', to: '2026-11-19T00:00' },
      { range: '24h', view: 'owner', errors: { to: ['The end must be after the start.'] } },
    ],
    [
      { from: '2026-11-20T00:00', to: '2026-11-20T00:00' },
      { range: '24h', view: 'owner', errors: { to: ['The end must be after the start.'] } },
    ],
    [
      { from: 'yesterday', to: 'today' },
      {
        range: '24h',
        errors: { from: ['Enter a start date and time (UTC).'], to: ['Enter an end date and time (UTC).'] },
      },
    ],
    [
      { range: 'custom', from: '2026-11-20T00:00' },
      { range: '24h', errors: { to: ['Enter an end date and time (UTC).'] } },
    ],
    // Group by: any of the four on the owner side; the consumer team is the team itself otherwise.
    [{ group: 'key' }, { group: 'key', view: 'owner' }],
    [
      { group: 'consumer', view: 'consumer' },
      { group: undefined, view: 'consumer' },
    ],
    [{ group: 'colour' }, { group: undefined }],
    // A preset wins over leftover from/to; a hand-typed odd id is dropped.
    [
      { range: '7d', from: '2026-11-20T00:00', to: '2026-11-21T00:00', api: "x' OR 1" },
      { range: '7d', view: 'owner' },
    ],
  ])('%j → %j', (input, expected) => {
    expect(parseDashboardQuery(input)).toMatchObject(expected)
  })

  test('from/to (UTC, as datetime-local sends them) make a custom range; filters ride along', () => {
    const query = parseDashboardQuery({
      range: 'custom',
      from: '2026-11-20T09:30',
      to: '2026-11-21T14:10',
      api: 'api_1',
      consumer: 'team_2',
    })
    expect(query).toEqual({
      range: 'custom',
      view: 'owner',
      from: new Date('2026-11-20T09:30:00Z'),
      to: new Date('2026-11-21T14:10:00Z'),
      filter: { apiId: 'api_1', consumerTeamId: 'team_2' },
    })
    expect(dashboardQueryToParams(query)).toEqual({
      view: undefined,
      range: 'custom',
      from: '2026-11-20T09:30:00.000Z',
      to: '2026-11-21T14:10:00.000Z',
      api: 'api_1',
      consumer: 'team_2',
    })
    // In the consumer view the team itself is the consumer: the parameter is dropped.
    expect(parseDashboardQuery({ view: 'consumer', consumer: 'team_2' }).filter).toEqual({
      apiId: undefined,
      consumerTeamId: undefined,
    })
  })
})

describe('custom windows and the previous period', () => {
  test('a custom range widens to whole hours; up to a week it reads per hour', () => {
    const w = resolveQueryWindow(parseDashboardQuery({ from: '2026-11-20T09:30', to: '2026-11-21T14:10' }), now)
    expect(w).toMatchObject({ range: 'custom', granularity: 'hour' })
    expect(w.from.toISOString()).toBe('2026-11-20T09:00:00.000Z')
    expect(w.to.toISOString()).toBe('2026-11-21T15:00:00.000Z')
    expect(w.buckets).toHaveLength(30)
  })

  test('longer ranges read per UTC day, capped at 92 days', () => {
    const w = resolveQueryWindow(parseDashboardQuery({ from: '2026-11-01T06:00', to: '2026-11-20T12:00' }), now)
    expect(w.granularity).toBe('day')
    expect(w.from.toISOString()).toBe('2026-11-01T00:00:00.000Z')
    expect(w.to.toISOString()).toBe('2026-11-21T00:00:00.000Z')
    expect(w.buckets).toHaveLength(20)
    const year = resolveQueryWindow(parseDashboardQuery({ from: '2025-01-01T00:00', to: '2026-01-01T00:00' }), now)
    expect(year.buckets).toHaveLength(92)
  })

  test('the previous period is as long and ends where the window starts', () => {
    const w = resolveDashboardWindow('24h', now)
    const before = previousWindow(w)
    expect(before.to).toEqual(w.from)
    expect(before.from.toISOString()).toBe('2026-11-22T16:00:00.000Z')
    expect(before.buckets).toHaveLength(24)
    expect(before.granularity).toBe('hour')
  })

  test('the filters narrow the rollup WHERE, and never replace the team scope', () => {
    const window = resolveDashboardWindow('24h', now)
    expect(
      rollupWhere('team_a', { view: 'owner', window, filter: { apiId: 'api_1', consumerTeamId: 'team_b' } }),
    ).toEqual({
      ownerTeamId: 'team_a',
      hour: { gte: window.from, lt: window.to },
      apiId: 'api_1',
      consumerTeamId: 'team_b',
    })
    expect(rollupWhere('team_a', { view: 'consumer', window, filter: { consumerTeamId: 'team_b' } })).toEqual({
      consumerTeamId: 'team_a',
      hour: { gte: window.from, lt: window.to },
    })
  })
})
