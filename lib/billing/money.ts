// Money is an integer count of micro-units (1 USD = 1_000_000). It is formatted only at the edge.
export const MICROS_PER_UNIT = 1_000_000n

export function formatMicros(micros: bigint | number, currency = 'USD'): string {
  const value = BigInt(micros)
  const negative = value < 0n
  const abs = negative ? -value : value
  const whole = abs / MICROS_PER_UNIT
  const fraction = (abs % MICROS_PER_UNIT).toString().padStart(6, '0')
  // Show cents always, and sub-cent digits only when they matter (per-call prices are often tiny).
  const trimmed = fraction.replace(/0+$/, '').padEnd(2, '0')
  const symbol = currency === 'USD' ? '$' : `${currency} `
  return `${negative ? '-' : ''}${symbol}${whole.toLocaleString('en-US')}.${trimmed}`
}

/**
 * The one rule for money in summaries (tiles, totals, statements): whole cents, rounded half away
 * from zero. The ledger, per-call costs and a summary's hover text show the exact micro-units
 * (formatMicros), so "$550.66" always carries "$550.656" one hover away.
 */
export function formatCents(micros: bigint | number, currency = 'USD'): string {
  const value = BigInt(micros)
  const half = MICROS_PER_UNIT / 200n
  const step = MICROS_PER_UNIT / 100n
  const abs = value < 0n ? -value : value
  const rounded = ((abs + half) / step) * step
  return formatMicros(value < 0n && rounded > 0n ? -rounded : rounded, currency)
}

/** Decimal string without symbol, as used in API bodies: "0.42". */
export function microsToDecimal(micros: bigint | number): string {
  const value = BigInt(micros)
  const negative = value < 0n
  const abs = negative ? -value : value
  const fraction = (abs % MICROS_PER_UNIT).toString().padStart(6, '0').replace(/0+$/, '').padEnd(2, '0')
  return `${negative ? '-' : ''}${abs / MICROS_PER_UNIT}.${fraction}`
}

/** Parses a user-entered decimal amount ("12.50") into micros without ever using floats. */
export function decimalToMicros(input: string): bigint {
  const match = /^\s*(-)?(\d{1,12})(?:\.(\d{1,6}))?\s*$/.exec(input)
  if (!match) throw new RangeError(`Not a valid amount: ${input}`)
  const [, sign, whole, fraction = ''] = match
  const micros = BigInt(whole) * MICROS_PER_UNIT + BigInt(fraction.padEnd(6, '0'))
  return sign ? -micros : micros
}
