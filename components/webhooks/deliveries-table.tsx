import { formatTime } from '@/components/ui/format'
import type { FormAction } from '@/lib/auth/action-result'
import { StateBadge } from '@/components/ui/badge'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { DeliveryOutcome } from '@/lib/webhooks/deliver-now'
import type { DeliveryRow } from '@/lib/webhooks/list-webhook-deliveries'
import { SendDeliveryButton } from './send-delivery-button'

const time = (date: Date | null) => (date ? formatTime(date).replace(/\.\d{3} UTC$/, '') : '–')

/** Every webhook delivery with its last attempt; FAILED ones can be retried at once. */
export function DeliveriesTable({
  teamSlug,
  deliveries,
  retry,
}: {
  teamSlug: string
  deliveries: DeliveryRow[]
  retry: FormAction<DeliveryOutcome | null>
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Created (UTC)</Th>
          <Th>Event</Th>
          <Th>State</Th>
          <Th className="text-right">Attempts</Th>
          <Th>Last result</Th>
          <Th>Next attempt</Th>
          <Th>Delivered</Th>
          <Th />
        </tr>
      </thead>
      <TBody>
        {deliveries.map((d) => (
          <tr key={d.id} data-delivery={d.id}>
            <Td className="font-mono text-xs">{time(d.createdAt)}</Td>
            <Td>
              <code className="font-mono text-xs">{d.event}</code>
            </Td>
            <Td>
              <StateBadge state={d.state} />
            </Td>
            <Td className="text-right tabular-nums">{d.attempts}</Td>
            <Td className="text-xs">
              {d.lastStatusCode ? <span className="mr-1 font-mono">HTTP {d.lastStatusCode}</span> : null}
              <span
                className="inline-block max-w-xs truncate align-bottom text-slate-500"
                title={d.lastError ?? undefined}
              >
                {d.lastError ?? (d.lastStatusCode ? '' : '–')}
              </span>
            </Td>
            <Td className="font-mono text-xs">{d.state === 'PENDING' ? time(d.nextAttemptAt) : '–'}</Td>
            <Td className="font-mono text-xs">{time(d.deliveredAt)}</Td>
            <Td className="text-right">
              {d.state === 'FAILED' ? (
                <SendDeliveryButton teamSlug={teamSlug} deliveryId={d.id} label="Retry now" action={retry} />
              ) : null}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  )
}
