import { formatMicros } from '@/lib/billing/money'

// Charts carry micro-units as plain numbers (recharts plots numbers); these turn them back into
// money only for display. Safe in client components.

export const SERIES_COLORS = ['#2563eb', '#10b981', '#f59e0b', '#8b5cf6', '#ef4444', '#64748b']

export function chartMoney(micros: unknown, currency = 'USD'): string {
  const value = typeof micros === 'number' && Number.isFinite(micros) ? Math.round(micros) : 0
  return formatMicros(BigInt(value), currency)
}
