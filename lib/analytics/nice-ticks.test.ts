import { describe, expect, test } from 'vitest'
import { decimalsOf, linearTicks, logTicks, tickLabel } from './nice-ticks'

describe('linear ticks', () => {
  test.each([
    [4, [0, 1, 2, 3, 4]],
    [3.34, [0, 1, 2, 3, 4]],
    [0.85, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [100, [0, 20, 40, 60, 80, 100]],
    [248, [0, 50, 100, 150, 200, 250]],
  ])('max %s reads %j', (max, expected) => {
    expect(linearTicks(0, max).ticks).toEqual(expected)
  })

  test('counts step by whole numbers, even for tiny maxima', () => {
    expect(linearTicks(0, 3, { integer: true }).ticks).toEqual([0, 1, 2, 3])
    expect(linearTicks(0, 0, { integer: true }).ticks).toEqual([0, 1, 2, 3, 4, 5])
    expect(linearTicks(0, 12, { integer: true }).ticks).toEqual([0, 5, 10, 15])
  })

  test('an empty or broken range still gives an axis', () => {
    expect(linearTicks(0, 0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
    expect(linearTicks(0, Number.NaN).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
  })

  test('precision follows the step', () => {
    expect(decimalsOf(0.25)).toBe(2)
    expect(decimalsOf(0.1 + 0.2)).toBe(1)
    expect(decimalsOf(40)).toBe(0)
    expect(linearTicks(0, 0.0036).decimals).toBe(3)
  })
})

describe('log ticks and labels', () => {
  test('a short range gets 1-2-5 steps, a long one whole decades', () => {
    expect(logTicks(1.5, 40).ticks).toEqual([1, 2, 5, 10, 20, 50])
    expect(logTicks(0.01, 100_000).ticks.every((t) => /^1(0*)$|^0\.0*1$/.test(String(t)))).toBe(true)
  })

  test('labels keep the places their step needs, or only their own with trim', () => {
    expect(tickLabel(0.5, 2)).toBe('0.50')
    expect(tickLabel(2, 1, { trim: true })).toBe('2')
    expect(tickLabel(12_500, 0)).toBe('12,500')
  })
})
