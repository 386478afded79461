'use client'

import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input } from '@/components/ui/form-field'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'

/** Suggests a slug from the name until the user edits the slug themselves. */
function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
}

export function CreateTeamForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null)
  const [name, setName] = useState('')
  const [slug, setSlug] = useState('')
  const [slugEdited, setSlugEdited] = useState(false)
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage result={state} />
      <Field label="Team name" name="name" errors={fieldErrorsFor(state, 'name')}>
        <Input
          name="name"
          required
          value={name}
          invalid={!!fieldErrorsFor(state, 'name')}
          onChange={(e) => {
            setName(e.target.value)
            if (!slugEdited) setSlug(slugify(e.target.value))
          }}
        />
      </Field>
      <Field
        label="Slug"
        name="slug"
        errors={fieldErrorsFor(state, 'slug')}
        hint="Lowercase letters, digits and hyphens. Used in URLs such as /gw/<slug>/… and cannot change later."
      >
        <Input
          name="slug"
          required
          value={slug}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          invalid={!!fieldErrorsFor(state, 'slug')}
          onChange={(e) => {
            setSlug(e.target.value)
            setSlugEdited(true)
          }}
        />
      </Field>
      <Field label="Contact email (optional)" name="contactEmail" errors={fieldErrorsFor(state, 'contactEmail')}>
        <Input name="contactEmail" type="email" invalid={!!fieldErrorsFor(state, 'contactEmail')} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create team'}
      </Button>
    </form>
  )
}
