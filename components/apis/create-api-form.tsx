'use client'

import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form-field'
import type { SavedApi } from '@/lib/apis/create-api'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import { useSubmit } from './use-submit'

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
}

/** On success the action redirects to the new API's page. */
export function CreateApiForm({ teamSlug, action }: { teamSlug: string; action: FormAction<SavedApi> }) {
  const [state, formAction, pending] = useActionState(action, null)
  const submit = useSubmit(formAction)
  const [name, setName] = useState('')
  const [slug, setSlug] = useState('')
  const [slugEdited, setSlugEdited] = useState(false)
  return (
    <form onSubmit={submit} className="space-y-4">
      <input type="hidden" name="team" value={teamSlug} />
      <FormMessage result={state} />
      <Field label="Name" name="name" errors={fieldErrorsFor(state, 'name')}>
        <Input
          name="name"
          required
          value={name}
          onChange={(e) => {
            setName(e.target.value)
            if (!slugEdited) setSlug(slugify(e.target.value))
          }}
          invalid={!!fieldErrorsFor(state, 'name')}
        />
      </Field>
      <Field
        label="Slug"
        name="slug"
        errors={fieldErrorsFor(state, 'slug')}
        hint={
          <>
            Part of the gateway URL:{' '}
            <code>
              /gw/{teamSlug}/{slug || '…'}/v1/
            </code>
            . It cannot change later.
          </>
        }
      >
        <Input
          name="slug"
          required
          value={slug}
          onChange={(e) => {
            setSlug(e.target.value)
            setSlugEdited(true)
          }}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          invalid={!!fieldErrorsFor(state, 'slug')}
        />
      </Field>
      <Field label="Description" name="description" errors={fieldErrorsFor(state, 'description')}>
        <Textarea name="description" rows={3} className="font-sans" invalid={!!fieldErrorsFor(state, 'description')} />
      </Field>
      <Field
        label="Tags"
        name="tags"
        errors={fieldErrorsFor(state, 'tags')}
        hint="Comma-separated, e.g. payments, internal"
      >
        <Input name="tags" invalid={!!fieldErrorsFor(state, 'tags')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Kind" name="kind" errors={fieldErrorsFor(state, 'kind')}>
          <Select name="kind" defaultValue="REST">
            <option value="REST">REST</option>
            <option value="AI_CHAT">AI chat (OpenAI-compatible)</option>
            <option value="AI_PROMPT">AI prompt</option>
          </Select>
        </Field>
        <Field label="Visibility" name="visibility" errors={fieldErrorsFor(state, 'visibility')}>
          <Select name="visibility" defaultValue="INTERNAL">
            <option value="INTERNAL">Internal: listed in the shared catalog</option>
            <option value="PRIVATE">Private: this team only</option>
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create API'}
      </Button>
    </form>
  )
}
