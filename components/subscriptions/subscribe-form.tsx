'use client'

import Link from 'next/link'
import { useActionState, useState } from 'react'
import { StateBadge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Select } from '@/components/ui/form-field'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import type { SubscribeResult } from '@/lib/subscriptions/schemas'

type Plan = {
  id: string
  name: string
  rateLimit: number | null
  rateWindow: 'SECOND' | 'MINUTE'
  approval: 'AUTO' | 'MANUAL'
}
type TeamOption = {
  id: string
  slug: string
  name: string
  subscription: { state: string; reason: string | null; planName: string; live: boolean } | null
}

const rate = (p: Plan) => (p.rateLimit ? `${p.rateLimit}/${p.rateWindow === 'SECOND' ? 's' : 'min'}` : 'unlimited')

/** Pick a team and a plan; the chosen team's current subscription (if any) shows instead of the button. */
export function SubscribeForm({
  apiId,
  plans,
  teams,
  action,
}: {
  apiId: string
  plans: Plan[]
  teams: TeamOption[]
  action: FormAction<SubscribeResult>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const [teamSlug, setTeamSlug] = useState(teams[0]?.slug ?? '')
  const team = teams.find((t) => t.slug === teamSlug)
  const existing = team?.subscription
  const planErrors = fieldErrorsFor(state, 'planId')

  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="apiId" value={apiId} />
      <Field label="Subscribe as" name="team">
        <Select name="team" value={teamSlug} onChange={(e) => setTeamSlug(e.target.value)}>
          {teams.map((t) => (
            <option key={t.id} value={t.slug}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      {existing ? (
        <div className="space-y-1 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200" data-subscription-status>
          <p className="flex items-center gap-2">
            Current subscription: <StateBadge state={existing.state} />{' '}
            <span className="text-slate-600">{existing.planName}</span>
          </p>
          {existing.reason && (existing.state === 'REJECTED' || existing.state === 'SUSPENDED') ? (
            <p className="text-xs text-slate-600">Reason: “{existing.reason}”</p>
          ) : null}
          <p className="text-xs">
            <Link className="text-brand-700 underline" href={`/t/${teamSlug}/subscriptions?tab=outgoing`}>
              Manage your subscriptions
            </Link>
          </p>
        </div>
      ) : null}
      {!existing?.live ? (
        <>
          <Field label="Plan" name="planId" errors={planErrors}>
            <Select name="planId" defaultValue={plans[0]?.id} invalid={!!planErrors}>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {rate(p)} · {p.approval === 'MANUAL' ? 'needs approval' : 'instant'}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? 'Subscribing…' : 'Subscribe'}
          </Button>
        </>
      ) : null}
      <FormMessage result={state} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.data.state === 'ACTIVE'
            ? `Subscribed on ${state.data.planName}. Create a key to start calling.`
            : `Requested ${state.data.planName}; the API's owners will approve or reject it.`}{' '}
          <Link className="underline" href={`/t/${state.data.teamSlug}/keys`}>
            API keys
          </Link>
        </p>
      ) : null}
    </form>
  )
}
