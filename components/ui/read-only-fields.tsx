import { cn } from './cn'

/**
 * What a member without the permission to change something sees instead of its form: the values
 * as text, labelled like the form's fields, with no inputs to click into and no Save button.
 */
export function ReadOnlyFields({
  fields,
  note,
  className,
}: {
  fields: Array<{ label: string; value: React.ReactNode }>
  /** Why it is read-only, e.g. "Only owners and admins can change this." */
  note?: React.ReactNode
  className?: string
}) {
  return (
    <div className={cn('space-y-3', className)} data-read-only>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        {fields.map((field) => (
          <div key={field.label} className="contents">
            <dt className="text-sm font-medium text-slate-500">{field.label}</dt>
            <dd className="min-w-0 break-words text-sm text-slate-900">
              {field.value === '' || field.value === null || field.value === undefined ? (
                <span className="text-slate-400">None</span>
              ) : (
                field.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      {note ? <p className="text-xs text-slate-500">{note}</p> : null}
    </div>
  )
}
