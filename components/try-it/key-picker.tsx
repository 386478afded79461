'use client'

import { Field, Select } from '@/components/ui/form-field'

/** A key the viewer's team may call with, as try-it lists it. */
export type TryItKey = { id: string; name: string; prefix: string; teamName: string; inGrace: boolean }

/** The "Key" select of both try-it forms (REST operations and AI chat). */
export function KeyPicker({
  name,
  keys,
  keyId,
  onChange,
}: {
  name: string
  keys: TryItKey[]
  keyId: string
  onChange: (keyId: string) => void
}) {
  return (
    <Field
      label="Key"
      name={name}
      hint={keys.length === 0 ? 'Create a key in your team’s API keys page first.' : undefined}
    >
      <Select name={name} value={keyId} onChange={(e) => onChange(e.target.value)} disabled={keys.length === 0}>
        {keys.map((k) => (
          <option key={k.id} value={k.id}>
            {k.teamName} · {k.name} ({k.prefix}…){k.inGrace ? ' · grace' : ''}
          </option>
        ))}
      </Select>
    </Field>
  )
}
