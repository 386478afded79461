'use client'

import { useActionState, useState } from 'react'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import type { WebhookUrlResult } from '@/lib/webhooks/schemas'
import { Button } from '@/components/ui/button'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { Field, FormMessage, Input } from '@/components/ui/form-field'
import { WebhookSecretBox } from './webhook-secret-box'

/** Set or change the URL (the first one also creates the signing secret, shown once), or remove it. */
export function WebhookUrlForm({
  teamSlug,
  url,
  save,
  clear,
}: {
  teamSlug: string
  url: string | null
  save: FormAction<WebhookUrlResult>
  clear: FormAction<WebhookUrlResult>
}) {
  const [state, formAction, pending] = useActionState(save, null)
  const [secret, setSecret] = useState<string | null>(null)
  const shownSecret = (state?.ok ? state.data.secret : null) ?? secret
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex max-w-2xl flex-wrap items-start gap-2">
        <input type="hidden" name="team" value={teamSlug} />
        <div className="min-w-72 flex-1">
          <Field
            label="Endpoint URL"
            name="url"
            errors={fieldErrorsFor(state, 'url')}
            hint="We POST every event here as JSON. http:// or https:// only."
          >
            <Input
              name="url"
              type="url"
              required
              maxLength={2000}
              placeholder="https://example.com/hooks/tollgate"
              defaultValue={url ?? ''}
              invalid={!!fieldErrorsFor(state, 'url')}
            />
          </Field>
        </div>
        <div className="flex gap-2 pt-6">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : url ? 'Save URL' : 'Enable webhooks'}
          </Button>
          {url ? (
            <ConfirmButton
              label="Remove"
              size="md"
              title="Remove the webhook URL?"
              confirmLabel="Remove URL"
              description="No more events are sent, and deliveries still waiting are marked failed (you can retry them after setting a URL again). The signing secret is kept."
              onConfirm={async () => {
                const formData = new FormData()
                formData.set('team', teamSlug)
                const result = await clear(null, formData)
                if (result?.ok) setSecret(null)
                return result ?? { ok: false, error: 'That did not work' }
              }}
            />
          ) : null}
        </div>
      </form>
      <FormMessage result={state} />
      {state?.ok && !shownSecret ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
      {shownSecret ? <WebhookSecretBox key={shownSecret} secret={shownSecret} /> : null}
    </div>
  )
}
