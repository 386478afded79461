'use client'

import { CopyButton } from '@/components/ui/copy-button'
import { useOrigin } from './reference-settings'

/** The gateway address of a version, absolute (as a client would use it), with a copy button. */
export function BaseUrlCopy({ basePath }: { basePath: string }) {
  const url = `${useOrigin()}${basePath}`
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <code className="font-mono" data-base-url>
        {url}
      </code>
      <CopyButton value={url} label="Copy base URL" />
    </span>
  )
}
