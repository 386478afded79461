import { expect, test } from 'vitest'
import { dashboardRangeErrors } from './dashboard-range-errors'
import { parseDashboardQuery } from './dashboard-window'

// The range form's field errors: each bad range the parser refuses (and falls back from) says why
// next to its field; a good range or a preset link has none.

test.each([
  [
    'a reversed range',
    { range: 'custom', from: '2026-11-20T10:00', to: '2026-11-19T10:00' },
    { to: ['Must be after From'] },
  ],
  [
    'an empty range',
    { range: 'custom', from: '2026-11-20T10:00', to: '2026-11-20T10:00' },
    { to: ['Must be after From'] },
  ],
  ['a missing From', { range: 'custom', from: '', to: '2026-11-20T10:00' }, { from: ['Enter a date and time'] }],
  ['a missing To', { range: 'custom', from: '2026-11-20T10:00' }, { to: ['Enter a date and time'] }],
  [
    'a day that does not exist',
    { range: 'custom', from: '2026-02-30T10:00', to: '2026-03-02T10:00' },
    { from: [expect.stringContaining('does not exist')] },
  ],
  [
    'text',
    { range: 'custom', from: 'yesterday', to: '2026-03-02T10:00' },
    { from: [expect.stringContaining('YYYY-MM-DD')] },
  ],
  [
    'over 92 days',
    { range: 'custom', from: '2026-01-01T00:00', to: '2026-06-01T00:00' },
    { from: [expect.stringContaining('At most 92 days')] },
  ],
])('%s is a field error, with what was typed kept', (_name, params, fields) => {
  const errors = dashboardRangeErrors(params)
  expect(errors).toEqual({ ...fields, entered: { from: params.from, to: 'to' in params ? params.to : '' } })
  // What the page shows instead: the default window, never a 500 (or the last 92 days).
  expect(['24h', 'custom']).toContain(parseDashboardQuery(params).range)
})

test.each([
  ['a good range', { range: 'custom', from: '2026-11-19T10:00', to: '2026-11-20T10:00' }],
  ['a preset', { range: '7d', from: '2026-11-20T10:00', to: '2026-11-19T10:00' }],
  ['no range at all', {}],
])('%s has no errors', (_name, params) => {
  expect(dashboardRangeErrors(params)).toBeUndefined()
})
