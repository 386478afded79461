import { describe, expect, test } from 'vitest'
import { parseDashboardQuery, resolveDashboardWindow } from './dashboard-window'

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
  ])('%j → %j', (input, expected) => {
    expect(parseDashboardQuery(input)).toEqual(expected)
  })
})
