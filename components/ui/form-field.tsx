import { cn } from './cn'

const CONTROL =
  'block w-full rounded-md border-0 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-xs ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500'

export function controlClass(invalid?: boolean, className?: string) {
  return cn(CONTROL, invalid ? 'ring-red-400' : 'ring-slate-300', className)
}

/** A labelled control with its field errors underneath, linked by aria-describedby (`name` is the control's id). */
export function Field({
  label,
  name,
  errors,
  hint,
  children,
}: {
  label: string
  name: string
  errors?: string[]
  hint?: React.ReactNode
  children: React.ReactNode
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {errors?.map((message) => (
        <p key={message} id={`${name}-error`} className="text-xs text-red-600" data-field-error={name}>
          {message}
        </p>
      ))}
    </div>
  )
}

export function Input({
  invalid,
  className,
  ...props
}: React.InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      id={props.id ?? props.name}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${props.id ?? props.name}-error` : undefined}
      className={controlClass(invalid, className)}
      {...props}
    />
  )
}

export function Textarea({
  invalid,
  className,
  ...props
}: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return (
    <textarea
      id={props.id ?? props.name}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${props.id ?? props.name}-error` : undefined}
      className={controlClass(invalid, cn('font-mono', className))}
      {...props}
    />
  )
}

export function Select({
  invalid,
  className,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return (
    <select
      id={props.id ?? props.name}
      aria-invalid={invalid || undefined}
      className={controlClass(invalid, className)}
      {...props}
    />
  )
}

/** The form-level message; role="status"/"alert" with a data attribute so tests never confuse it with Next's route announcer. */
export function FormMessage({ result }: { result: { ok: boolean; error?: string } | null | undefined }) {
  if (!result || result.ok || !result.error) return null
  return (
    <p role="alert" data-form-error className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
      {result.error}
    </p>
  )
}
