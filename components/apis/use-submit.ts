'use client'

import { startTransition } from 'react'

/**
 * Submits a form to a useActionState dispatcher without React 19's automatic form reset, which
 * would wipe what the user typed whenever the server answers with field errors.
 */
export function useSubmit(dispatch: (formData: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const formData = new FormData(event.currentTarget)
    startTransition(() => dispatch(formData))
  }
}
