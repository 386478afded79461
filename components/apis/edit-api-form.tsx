'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form-field'
import { ReadOnlyFields } from '@/components/ui/read-only-fields'
import type { SavedApi } from '@/lib/apis/create-api'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import { useSubmit } from './use-submit'

const VISIBILITY = {
  INTERNAL: 'Internal: listed in the shared catalog',
  PRIVATE: 'Private: this team only',
} as const

type EditableApi = { id: string; name: string; description: string; tags: string[]; visibility: string }

/** Metadata of an API. Members who cannot edit it see the values as text, not a disabled form. */
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
  if (!canEdit)
    return (
      <ReadOnlyFields
        fields={[
          { label: 'Name', value: api.name },
          { label: 'Description', value: api.description },
          { label: 'Tags', value: api.tags.join(', ') },
          { label: 'Visibility', value: VISIBILITY[api.visibility as keyof typeof VISIBILITY] ?? api.visibility },
        ]}
        note="Only members who can edit APIs can change these."
      />
    )
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
      <fieldset className="space-y-4">
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
              {Object.entries(VISIBILITY).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save changes'}
      </Button>
    </form>
  )
}
