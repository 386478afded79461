'use client'

import { useState } from 'react'
import { Button } from './button'

/** Copies a value to the clipboard and says so (to screen readers too) for two seconds. */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false)
  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
      setTimeout(() => setCopied(false), 2_000)
    } catch {
      // No clipboard (an insecure origin, a denied permission): the value stays on screen to select.
    }
  }
  return (
    <Button type="button" size="sm" variant="secondary" onClick={copy} aria-label={label}>
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </Button>
  )
}
