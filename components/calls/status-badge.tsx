import { Badge } from '@/components/ui/badge'

/** An HTTP status with one colour per class; 402 gets its own, it is billing, not a client bug. */
export function StatusBadge({ status }: { status: number }) {
  const tone =
    status === 402 ? 'violet' : status >= 500 ? 'red' : status >= 400 ? 'amber' : status >= 300 ? 'blue' : 'green'
  return (
    <Badge tone={tone} className="font-mono tabular-nums">
      {status}
    </Badge>
  )
}
