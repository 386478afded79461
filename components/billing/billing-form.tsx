'use client'

import { startTransition, useActionState, useRef } from 'react'
import { FormMessage } from '@/components/ui/form-field'
import type { ActionState, FormAction } from '@/lib/auth/action-result'
import type { BillingActionData } from '@/lib/billing/schemas'

/**
 * The shared shell of the billing forms: posts to a server action without React's automatic form
 * reset (which would wipe what was typed when the server answers with field errors), resets only
 * on success, and shows the form-level error or the success message.
 */
export function BillingForm({
  teamSlug,
  action,
  label,
  className,
  resetOnSuccess = true,
  children,
}: {
  teamSlug: string
  /** Off for forms prefilled with the saved values, which the refreshed page supplies anyway. */
  resetOnSuccess?: boolean
  action: FormAction<BillingActionData>
  label: string
  className?: string
  children: (state: ActionState<BillingActionData>, pending: boolean) => React.ReactNode
}) {
  const form = useRef<HTMLFormElement>(null)
  const [state, dispatch, pending] = useActionState(
    async (previous: ActionState<BillingActionData>, formData: FormData) => {
      const result = await action(previous, formData)
      if (result?.ok && resetOnSuccess) form.current?.reset()
      return result
    },
    null,
  )
  return (
    <form
      ref={form}
      aria-label={label}
      className={className ?? 'space-y-3'}
      onSubmit={(event) => {
        event.preventDefault()
        const formData = new FormData(event.currentTarget)
        startTransition(() => dispatch(formData))
      }}
    >
      <input type="hidden" name="team" value={teamSlug} />
      <FormMessage result={state} />
      {state?.ok ? (
        <p
          role="status"
          data-form-success
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200"
        >
          {state.data.message}
        </p>
      ) : null}
      {children(state, pending)}
    </form>
  )
}
