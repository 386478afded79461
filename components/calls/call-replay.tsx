'use client'

import Link from 'next/link'
import { useSyncExternalStore } from 'react'
import { buttonClass } from '@/components/ui/button'
import { buildCurlCommand, type CurlInput } from '@/lib/calls/build-curl-command'
import { CopyButton } from '@/components/ui/copy-button'

const subscribeNever = () => () => {}

/**
 * The call as a curl command (the key left to $TOLLGATE_KEY) and a way to send it again from the
 * catalog's try-it. The origin is the one the browser is on, so the command works where it is read.
 */
export function CallReplay({ call, replayHref }: { call: Omit<CurlInput, 'origin'>; replayHref: string | null }) {
  const origin = useSyncExternalStore(
    subscribeNever,
    () => window.location.origin,
    () => '',
  )
  const command = buildCurlCommand({ ...call, origin })
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton value={command} label="Copy curl" />
        {replayHref ? (
          <Link href={replayHref} className={buttonClass('secondary', 'sm')}>
            Replay in try-it
          </Link>
        ) : null}
      </div>
      <pre
        className="overflow-x-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100"
        data-curl
      >
        {command}
      </pre>
    </div>
  )
}
