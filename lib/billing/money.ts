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
