'use client'

import { Field, Input, Select, Textarea } from '@/components/ui/form-field'
import type { FlatField } from '@/lib/try-it/flat-object-form'

/** What the inputs hold: text for most, a boolean for checkboxes. */
export type FlatValues = Record<string, string | boolean>

export function initialFlatValues(fields: FlatField[]): FlatValues {
  return Object.fromEntries(
    fields.map((f) => [
      f.name,
      f.type === 'boolean' ? f.default === true : f.default === undefined ? '' : String(f.default),
    ]),
  )
}

/**
 * The object as JSON would carry it: numbers as numbers, checkboxes as booleans. An empty field is
 * left out (a default applies, or the server names the missing required field); a text that is
 * not a number is sent as it is, so the server's own check names the field.
 */
export function flatValuesToJson(fields: FlatField[], values: FlatValues): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of fields) {
    const value = values[f.name]
    if (typeof value === 'boolean') {
      out[f.name] = value
      continue
    }
    const text = value ?? ''
    if (text === '') continue
    const numeric = (f.type === 'number' || f.type === 'integer') && text.trim() !== '' && Number.isFinite(Number(text))
    out[f.name] = numeric ? Number(text) : text
  }
  return out
}

/** One typed input per field of a flat object schema: text, number, checkbox or select; required marked. */
export function FlatObjectFields({
  idPrefix,
  fields,
  values,
  onChange,
  errorsFor = () => undefined,
}: {
  idPrefix: string
  fields: FlatField[]
  values: FlatValues
  onChange: (values: FlatValues) => void
  errorsFor?: (name: string) => string[] | undefined
}) {
  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value })
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {fields.map((f) => {
        const id = `${idPrefix}-${f.name}`
        const label = `${f.name}${f.required ? ' (required)' : ''}`
        const errors = errorsFor(f.name)
        const text = typeof values[f.name] === 'string' ? (values[f.name] as string) : ''
        if (f.type === 'boolean')
          return (
            <div key={f.name} className="space-y-1 self-end">
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  id={id}
                  type="checkbox"
                  checked={values[f.name] === true}
                  onChange={(e) => set(f.name, e.target.checked)}
                  className="rounded border-slate-300"
                />
                {label}
              </label>
              {f.description ? <p className="text-xs text-slate-500">{f.description}</p> : null}
              {errors?.map((m) => (
                <p key={m} className="text-xs text-red-600" data-field-error={id}>
                  {m}
                </p>
              ))}
            </div>
          )
        const long = f.type === 'string' && !f.enum && (f.maxLength === undefined || f.maxLength > 200)
        return (
          <div key={f.name} className={long ? 'sm:col-span-2' : undefined}>
            <Field label={label} name={id} errors={errors} hint={f.description || undefined}>
              {f.enum ? (
                <Select id={id} value={text} onChange={(e) => set(f.name, e.target.value)} invalid={!!errors}>
                  {!f.required || text === '' ? <option value="">{f.required ? 'Choose…' : '(default)'}</option> : null}
                  {f.enum.map((value) => (
                    <option key={value} value={value}>
                      {value}
                    </option>
                  ))}
                </Select>
              ) : long ? (
                <Textarea
                  id={id}
                  rows={3}
                  className="font-sans"
                  maxLength={f.maxLength}
                  value={text}
                  onChange={(e) => set(f.name, e.target.value)}
                  invalid={!!errors}
                />
              ) : (
                <Input
                  id={id}
                  inputMode={f.type === 'string' ? undefined : f.type === 'integer' ? 'numeric' : 'decimal'}
                  maxLength={f.maxLength}
                  value={text}
                  onChange={(e) => set(f.name, e.target.value)}
                  invalid={!!errors}
                />
              )}
            </Field>
          </div>
        )
      })}
    </div>
  )
}
