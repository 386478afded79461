import type { FormAction } from '@/lib/auth/action-result'
import { Card, CardBody, CardHeader, EmptyState } from '@/components/ui/card'
import { Pagination, withParams } from '@/components/ui/pagination'
import { SegmentedLinks } from '@/components/calls/segmented-links'
import type { DeliveryOutcome } from '@/lib/webhooks/deliver-now'
import type { DeliveryRow } from '@/lib/webhooks/list-webhook-deliveries'
import type { OffsetPage } from '@/lib/pagination/paginate-offset'
import {
  DELIVERY_STATES,
  type ListDeliveriesQuery,
  type WebhookSettings,
  type WebhookUrlResult,
} from '@/lib/webhooks/schemas'
import { DeliveriesTable } from './deliveries-table'
import { RotateSecretButton } from './rotate-secret-button'
import { SendDeliveryButton } from './send-delivery-button'
import { WebhookUrlForm } from './webhook-url-form'

export type WebhookActions = {
  save: FormAction<WebhookUrlResult>
  clear: FormAction<WebhookUrlResult>
  rotate: FormAction<{ secret: string }>
  sendTest: FormAction<DeliveryOutcome | null>
  retry: FormAction<DeliveryOutcome | null>
}

type Deliveries = OffsetPage<DeliveryRow>

/** The settings page's webhook section: endpoint, signing secret, test event and deliveries. */
export function WebhookSettingsSection({
  teamSlug,
  settings,
  deliveries,
  query,
  actions,
}: {
  teamSlug: string
  settings: WebhookSettings
  deliveries: Deliveries
  query: ListDeliveriesQuery
  actions: WebhookActions
}) {
  const basePath = `/t/${teamSlug}/settings`
  const current = { dstate: query.dstate }
  return (
    <>
      <Card>
        <CardHeader
          title="Webhooks"
          description="Payment incidents and budget alerts are POSTed to your endpoint, signed with HMAC-SHA256 (Tollgate-Signature header). Retried with backoff for about an hour."
        />
        <CardBody className="space-y-5">
          <WebhookUrlForm teamSlug={teamSlug} url={settings.url} save={actions.save} clear={actions.clear} />
          <div className="flex flex-wrap items-start gap-6 border-t border-slate-100 pt-4">
            <div className="space-y-1">
              <p className="text-sm font-medium text-slate-700">Signing secret</p>
              <p className="text-xs text-slate-500">
                {settings.hasSecret
                  ? 'Set. It was shown once when created; rotate it if it leaked.'
                  : 'None yet: one is created with the first URL.'}
              </p>
              <RotateSecretButton teamSlug={teamSlug} hasSecret={settings.hasSecret} action={actions.rotate} />
            </div>
            {settings.url ? (
              <div className="space-y-1">
                <p className="text-sm font-medium text-slate-700">Test</p>
                <p className="text-xs text-slate-500">
                  Sends a signed <code className="font-mono">webhook.test</code> event now.
                </p>
                <SendDeliveryButton teamSlug={teamSlug} label="Send test event" action={actions.sendTest} />
              </div>
            ) : null}
          </div>
        </CardBody>
      </Card>
      <section className="space-y-3" aria-labelledby="deliveries-heading">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="deliveries-heading" className="text-sm font-semibold text-slate-900">
            Webhook deliveries{' '}
            <span className="font-normal text-slate-500">
              ({settings.pending} waiting, {settings.failed} failed)
            </span>
          </h2>
          <SegmentedLinks
            label="Delivery state"
            options={[undefined, ...DELIVERY_STATES].map((state) => ({
              label: state ? state.charAt(0) + state.slice(1).toLowerCase() : 'All',
              href: withParams(basePath, {}, { dstate: state }),
              active: query.dstate === state,
            }))}
          />
        </div>
        {deliveries.items.length === 0 ? (
          <EmptyState
            title={query.dstate ? 'No deliveries in this state' : 'No deliveries yet'}
            description="Each event sent to your webhook shows up here with its attempts."
          />
        ) : (
          <DeliveriesTable teamSlug={teamSlug} deliveries={deliveries.items} retry={actions.retry} />
        )}
        <Pagination
          page={deliveries.page}
          pageCount={deliveries.pageCount}
          total={deliveries.total}
          hrefFor={(page) => withParams(basePath, current, { dpage: page })}
        />
      </section>
    </>
  )
}
