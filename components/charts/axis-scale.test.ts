import { describe, expect, test } from 'vitest'
import { countAxis, latencyAxis, moneyAxis } from './axis-scale'

function expectReadable(labels: string[], ticks: number[], max: number) {
  expect(new Set(labels).size, `duplicated label in ${labels.join(', ')}`).toBe(labels.length)
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]).toBeGreaterThan(ticks[i - 1])
  expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max)
  expect(ticks.length).toBeLessThanOrEqual(8)
}

const cents = (from: number, to: number, by: number) =>
  Array.from({ length: Math.floor((to - from) / by) + 1 }, (_, i) => from + i * by)

describe('the ranges the demo produces never repeat a label', () => {
  test('money from a tenth of a cent to $4 (the cost-per-day axis read "$3, $3, $2, $0.85, $0")', () => {
    for (const dollars of [0.001, 0.0036, ...cents(0.01, 4, 0.01), 58.72, 550.656]) {
      const axis = moneyAxis(Math.round(dollars * 1_000_000))
      const labels = axis.ticks.map(axis.format)
      expectReadable(labels, axis.ticks, Math.round(dollars * 1_000_000))
      // Whole dollars or cents (or finer, for sub-cent steps), never a mix.
      expect(new Set(labels.map((l) => l.split('.')[1]?.length ?? 0)).size).toBe(1)
    }
    const axis = moneyAxis(3_340_000)
    expect(axis.ticks.map(axis.format)).toEqual(['$0', '$1', '$2', '$3', '$4'])
    const small = moneyAxis(850_000)
    expect(small.ticks.map(small.format)).toEqual(['$0.00', '$0.20', '$0.40', '$0.60', '$0.80', '$1.00'])
  })

  test('latency from 0.4 to 90 ms on a log axis (it read 0.40, 1.00, 4.00, 90.0)', () => {
    for (const low of [0.05, 0.2, 0.4, 0.9, 1.5, 4]) {
      for (const high of [5, 12, 48, 90, 250, 1800, 30_000]) {
        if (high <= low) continue
        const axis = latencyAxis(low, high)
        const labels = axis.ticks.map(axis.format)
        expectReadable(labels, axis.ticks, high)
        expect(axis.ticks[0]).toBeLessThanOrEqual(low)
      }
    }
    const axis = latencyAxis(0.4, 90)
    expect(axis.ticks.map(axis.format)).toEqual(['0.3', '1', '3', '10', '30', '100'])
    expect(axis.unit).toBe('ms')
  })

  test('counts from 0 to 60,000 calls', () => {
    for (const max of [0, 1, 2, 3, 7, 9, 11, 24, 37, 99, 248, 1_000, 4_321, 58_723, 60_000]) {
      const axis = countAxis(max)
      expectReadable(axis.ticks.map(axis.format), axis.ticks, max)
      for (const tick of axis.ticks) expect(Number.isInteger(tick)).toBe(true)
    }
    const axis = countAxis(58_723)
    expect(axis.ticks.map(axis.format)).toEqual(['0', '20,000', '40,000', '60,000'])
  })
})
