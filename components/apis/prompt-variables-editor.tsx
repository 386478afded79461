'use client'

import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/form-field'
import type { PromptVariable, PromptVariableType } from '@/lib/ai/prompt/prompt-schemas'

/** One editable row: every input as the text it holds, turned into a PromptVariable on submit. */
export type VariableRow = {
  name: string
  type: PromptVariableType
  required: boolean
  defaultValue: string
  values: string
  description: string
  maxLength: string
}

export const emptyVariableRow = (): VariableRow => ({
  name: '',
  type: 'string',
  required: true,
  defaultValue: '',
  values: '',
  description: '',
  maxLength: '',
})

export function rowOf(variable: PromptVariable): VariableRow {
  return {
    name: variable.name,
    type: variable.type,
    required: variable.required,
    defaultValue: variable.default === undefined ? '' : String(variable.default),
    values: (variable.values ?? []).join(', '),
    description: variable.description,
    maxLength: variable.maxLength === undefined ? '' : String(variable.maxLength),
  }
}

/**
 * The row as the `variables` JSON field sends it. Defaults are typed by the row's type; a text
 * that is not a number stays text, so the server names the problem instead of the form hiding it.
 */
export function variableOf(row: VariableRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: row.name.trim(),
    type: row.type,
    required: row.required,
    description: row.description,
  }
  if (row.type === 'enum')
    out.values = row.values
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
  if (row.type === 'string' && row.maxLength.trim()) out.maxLength = Number(row.maxLength)
  const text = row.defaultValue.trim()
  if (!row.required && text !== '') {
    if (row.type === 'number') out.default = Number.isFinite(Number(text)) ? Number(text) : text
    else if (row.type === 'boolean') out.default = text === 'true'
    else out.default = row.defaultValue
  }
  return out
}

/** The variables of a prompt version: name, type, required or a default, enum values, a description, a length cap. */
export function PromptVariablesEditor({
  rows,
  onChange,
  errorsFor,
  readOnly,
}: {
  rows: VariableRow[]
  onChange: (rows: VariableRow[]) => void
  errorsFor: (index: number) => string[]
  readOnly: boolean
}) {
  const update = (index: number, change: Partial<VariableRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)))
  return (
    <fieldset className="space-y-3" disabled={readOnly}>
      <legend className="text-sm font-medium text-slate-700">Variables</legend>
      {rows.length === 0 ? <p className="text-sm text-slate-500">No variables: the prompt is fixed text.</p> : null}
      {rows.map((row, index) => {
        const id = (field: string) => `variable-${index}-${field}`
        const errors = errorsFor(index)
        return (
          <div
            key={index}
            className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
            data-variable-row={row.name || index}
          >
            <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_9rem_auto]">
              <Labelled id={id('name')} label="Name">
                <Input
                  id={id('name')}
                  value={row.name}
                  placeholder="text"
                  onChange={(e) => update(index, { name: e.target.value })}
                />
              </Labelled>
              <Labelled id={id('type')} label="Type">
                <Select
                  id={id('type')}
                  value={row.type}
                  onChange={(e) => update(index, { type: e.target.value as PromptVariableType, defaultValue: '' })}
                >
                  <option value="string">string</option>
                  <option value="number">number</option>
                  <option value="boolean">boolean</option>
                  <option value="enum">enum</option>
                </Select>
              </Labelled>
              <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={row.required}
                  onChange={(e) => update(index, { required: e.target.checked, defaultValue: '' })}
                  className="rounded border-slate-300"
                />
                Required
              </label>
            </div>
            <div className="grid gap-2 sm:grid-cols-3">
              {row.type === 'enum' ? (
                <Labelled id={id('values')} label="Allowed values (comma-separated)">
                  <Input
                    id={id('values')}
                    value={row.values}
                    placeholder="neutral, friendly, formal"
                    onChange={(e) => update(index, { values: e.target.value })}
                  />
                </Labelled>
              ) : null}
              {row.type === 'string' ? (
                <Labelled id={id('maxLength')} label="Max length (characters)">
                  <Input
                    id={id('maxLength')}
                    inputMode="numeric"
                    value={row.maxLength}
                    placeholder="10000"
                    onChange={(e) => update(index, { maxLength: e.target.value })}
                  />
                </Labelled>
              ) : null}
              {!row.required ? (
                <Labelled id={id('default')} label="Default">
                  {row.type === 'boolean' ? (
                    <Select
                      id={id('default')}
                      value={row.defaultValue}
                      onChange={(e) => update(index, { defaultValue: e.target.value })}
                    >
                      <option value="">(none)</option>
                      <option value="true">true</option>
                      <option value="false">false</option>
                    </Select>
                  ) : (
                    <Input
                      id={id('default')}
                      value={row.defaultValue}
                      inputMode={row.type === 'number' ? 'decimal' : undefined}
                      onChange={(e) => update(index, { defaultValue: e.target.value })}
                    />
                  )}
                </Labelled>
              ) : null}
            </div>
            <Labelled id={id('description')} label="Description">
              <Input
                id={id('description')}
                value={row.description}
                onChange={(e) => update(index, { description: e.target.value })}
              />
            </Labelled>
            {errors.map((message) => (
              <p key={message} className="text-xs text-red-600" data-field-error={`variable-${index}`}>
                {message}
              </p>
            ))}
            {!readOnly ? (
              <Button size="sm" variant="ghost" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                Remove variable
              </Button>
            ) : null}
          </div>
        )
      })}
      {!readOnly ? (
        <Button size="sm" variant="secondary" onClick={() => onChange([...rows, emptyVariableRow()])}>
          Add a variable
        </Button>
      ) : null}
    </fieldset>
  )
}

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  )
}
