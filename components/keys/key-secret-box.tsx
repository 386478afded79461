'use client'

import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/form-field'

/**
 * The one and only time a key's (or a management token's) value is on screen: only its hash is
 * stored. `label` names the input and `usage` says how to send it; both default to an API key's.
 */
export function KeySecretBox({
  value,
  name,
  note,
  label = 'New API key',
  usage,
}: {
  value: string
  name: string
  note?: string
  label?: string
  usage?: React.ReactNode
}) {
  const [copied, setCopied] = useState(false)
  async function copy() {
    await navigator.clipboard?.writeText(value)
    setCopied(true)
  }
  return (
    <div className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" data-new-key>
      <p className="text-sm font-medium text-amber-900">
        Copy the key “{name}” now. It is shown only once: Tollgate keeps only a hash and cannot show it again.
      </p>
      {note ? <p className="text-xs text-amber-800">{note}</p> : null}
      <div className="flex gap-2">
        <Input
          name="new-key"
          aria-label={label}
          value={value}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          className="font-mono"
        />
        <Button variant="secondary" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="text-xs text-amber-800">
        {usage ?? (
          <>
            Send it as <code className="font-mono">Authorization: Bearer {value.slice(0, 14)}…</code> or in{' '}
            <code className="font-mono">X-Api-Key</code>.
          </>
        )}
      </p>
    </div>
  )
}
