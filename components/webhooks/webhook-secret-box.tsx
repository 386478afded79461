'use client'

import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/form-field'

/** The one and only time the signing secret is on screen: Tollgate stores it encrypted and never shows it again. */
export function WebhookSecretBox({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <div className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" data-webhook-secret>
      <p className="text-sm font-medium text-amber-900">Copy the signing secret now. It is shown only once.</p>
      <div className="flex gap-2">
        <Input
          name="webhook-secret"
          aria-label="Webhook signing secret"
          value={secret}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          className="font-mono"
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret)
            setCopied(true)
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="text-xs text-amber-800">
        Your receiver checks the <code className="font-mono">Tollgate-Signature</code> header with it; see
        docs/webhooks.md.
      </p>
    </div>
  )
}
