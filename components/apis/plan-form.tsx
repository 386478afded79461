'use client'

import { useActionState, useRef } from 'react'
import { createPlanAction } from '@/app/(console)/t/[team]/apis/[api]/plan-actions'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select } from '@/components/ui/form-field'
import { fieldErrors } from './field-errors'
import { useSubmit } from './use-submit'

/** Adds a plan. Prices are set up with billing; a new plan is free. */
export function PlanForm({ teamSlug, apiId }: { teamSlug: string; apiId: string }) {
  const form = useRef<HTMLFormElement>(null)
  const [state, action, pending] = useActionState(async (_: unknown, formData: FormData) => {
    const result = await createPlanAction(teamSlug, formData)
    if (result.ok) form.current?.reset()
    return result
  }, null)
  const submit = useSubmit(action)
  return (
    <form ref={form} onSubmit={submit} className="space-y-3" aria-label="New plan">
      <input type="hidden" name="apiId" value={apiId} />
      <FormMessage result={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Plan name" name="plan-name" errors={fieldErrors(state, 'name')}>
          <Input id="plan-name" name="name" required placeholder="Free" invalid={!!fieldErrors(state, 'name')} />
        </Field>
        <Field label="Description" name="plan-description" errors={fieldErrors(state, 'description')}>
          <Input id="plan-description" name="description" placeholder="For trying it out" />
        </Field>
        <Field label="Rate limit (requests)" name="plan-rateLimit" errors={fieldErrors(state, 'rateLimit')} hint="Empty for no limit">
          <div className="flex gap-2">
            <Input id="plan-rateLimit" name="rateLimit" type="number" min={1} placeholder="60" invalid={!!fieldErrors(state, 'rateLimit')} />
            <Select name="rateWindow" aria-label="Rate window" defaultValue="MINUTE" className="w-36">
              <option value="MINUTE">per minute</option>
              <option value="SECOND">per second</option>
            </Select>
          </div>
        </Field>
        <Field label="Approval" name="plan-approval" errors={fieldErrors(state, 'approval')}>
          <Select id="plan-approval" name="approval" defaultValue="AUTO">
            <option value="AUTO">Automatic: subscriptions start at once</option>
            <option value="MANUAL">Manual: the team approves each request</option>
          </Select>
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? 'Adding…' : 'Add plan'}</Button>
    </form>
  )
}
