'use client'

import { useActionState } from 'react'
import { updateApiAction } from '@/app/(console)/t/[team]/apis/actions'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form-field'
import { fieldErrors } from './field-errors'
import { useSubmit } from './use-submit'

type EditableApi = { id: string; name: string; description: string; tags: string[]; visibility: string }

/** Metadata of an API. Viewers see the same fields, read-only, without a save button. */
export function EditApiForm({ teamSlug, api, canEdit }: { teamSlug: string; api: EditableApi; canEdit: boolean }) {
  const [state, action, pending] = useActionState(
    (_: unknown, formData: FormData) => updateApiAction(teamSlug, formData),
    null,
  )
  const submit = useSubmit(action)
  return (
    <form onSubmit={submit} className="space-y-4">
      <input type="hidden" name="apiId" value={api.id} />
      <FormMessage result={state} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
      <fieldset disabled={!canEdit} className="space-y-4">
        <Field label="Name" name="name" errors={fieldErrors(state, 'name')}>
          <Input name="name" required defaultValue={api.name} invalid={!!fieldErrors(state, 'name')} />
        </Field>
        <Field label="Description" name="description" errors={fieldErrors(state, 'description')}>
          <Textarea
            name="description"
            rows={3}
            defaultValue={api.description}
            className="font-sans"
            invalid={!!fieldErrors(state, 'description')}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Tags" name="tags" errors={fieldErrors(state, 'tags')} hint="Comma-separated">
            <Input name="tags" defaultValue={api.tags.join(', ')} invalid={!!fieldErrors(state, 'tags')} />
          </Field>
          <Field label="Visibility" name="visibility" errors={fieldErrors(state, 'visibility')}>
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
