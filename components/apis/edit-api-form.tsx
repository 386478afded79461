'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form-field'
import type { SavedApi } from '@/lib/apis/create-api'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import { useSubmit } from './use-submit'

type EditableApi = { id: string; name: string; description: string; tags: string[]; visibility: string }

/** Metadata of an API. Viewers see the same fields, read-only, without a save button. */
export function EditApiForm({
  teamSlug,
  api,
  canEdit,
  action,
}: {
  teamSlug: string
  api: EditableApi
  canEdit: boolean
  action: FormAction<SavedApi>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const submit = useSubmit(formAction)
  return (
    <form onSubmit={submit} className="space-y-4">
      <input type="hidden" name="team" value={teamSlug} />
      <input type="hidden" name="apiId" value={api.id} />
      <FormMessage result={state} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
      <fieldset disabled={!canEdit} className="space-y-4">
        <Field label="Name" name="name" errors={fieldErrorsFor(state, 'name')}>
          <Input name="name" required defaultValue={api.name} invalid={!!fieldErrorsFor(state, 'name')} />
        </Field>
        <Field label="Description" name="description" errors={fieldErrorsFor(state, 'description')}>
          <Textarea
            name="description"
            rows={3}
            defaultValue={api.description}
            className="font-sans"
            invalid={!!fieldErrorsFor(state, 'description')}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Tags" name="tags" errors={fieldErrorsFor(state, 'tags')} hint="Comma-separated">
            <Input name="tags" defaultValue={api.tags.join(', ')} invalid={!!fieldErrorsFor(state, 'tags')} />
          </Field>
          <Field label="Visibility" name="visibility" errors={fieldErrorsFor(state, 'visibility')}>
            <Select name="visibility" defaultValue={api.visibility}>
              <option value="INTERNAL">Internal: listed in the shared catalog</option>
              <option value="PRIVATE">Private: this team only</option>
            </Select>
          </Field>
        </div>
      </fieldset>
      {canEdit ? (
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save changes'}
        </Button>
      ) : null}
    </form>
  )
}
