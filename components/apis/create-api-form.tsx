'use client'

import { useActionState, useState } from 'react'
import { createApiAction } from '@/app/(console)/t/[team]/apis/actions'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form-field'
import { fieldErrors } from './field-errors'
import { useSubmit } from './use-submit'

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
}

export function CreateApiForm({ teamSlug }: { teamSlug: string }) {
  const [state, action, pending] = useActionState(
    (_: unknown, formData: FormData) => createApiAction(teamSlug, formData),
    null,
  )
  const submit = useSubmit(action)
  const [name, setName] = useState('')
  const [slug, setSlug] = useState('')
  const [slugEdited, setSlugEdited] = useState(false)
  return (
    <form onSubmit={submit} className="space-y-4">
      <FormMessage result={state} />
      <Field label="Name" name="name" errors={fieldErrors(state, 'name')}>
        <Input
          name="name"
          required
          value={name}
          onChange={(e) => {
            setName(e.target.value)
            if (!slugEdited) setSlug(slugify(e.target.value))
          }}
          invalid={!!fieldErrors(state, 'name')}
        />
      </Field>
      <Field
        label="Slug"
        name="slug"
        errors={fieldErrors(state, 'slug')}
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
          invalid={!!fieldErrors(state, 'slug')}
        />
      </Field>
      <Field label="Description" name="description" errors={fieldErrors(state, 'description')}>
        <Textarea name="description" rows={3} className="font-sans" invalid={!!fieldErrors(state, 'description')} />
      </Field>
      <Field
        label="Tags"
        name="tags"
        errors={fieldErrors(state, 'tags')}
        hint="Comma-separated, e.g. payments, internal"
      >
        <Input name="tags" invalid={!!fieldErrors(state, 'tags')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Kind" name="kind" errors={fieldErrors(state, 'kind')}>
          <Select name="kind" defaultValue="REST">
            <option value="REST">REST</option>
            <option value="AI_CHAT">AI chat (OpenAI-compatible)</option>
            <option value="AI_PROMPT">AI prompt</option>
          </Select>
        </Field>
        <Field label="Visibility" name="visibility" errors={fieldErrors(state, 'visibility')}>
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
