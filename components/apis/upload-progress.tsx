import { formatBytes } from '@/lib/openapi/openapi-limits.mjs'
import type { UploadProgress } from './post-with-progress'

/** How far a contract's upload is, then that the server is checking it. */
export function UploadProgressBar({ progress }: { progress: UploadProgress | null }) {
  if (!progress) return null
  if (progress.phase === 'checking')
    return (
      <p role="status" data-upload-progress="checking" className="text-sm text-slate-600">
        Uploaded. Validating and indexing the contract…
      </p>
    )
  const percent = progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0
  return (
    <div role="status" data-upload-progress="uploading" className="space-y-1 text-sm text-slate-600">
      <progress aria-label="Upload progress" max={100} value={percent} className="h-2 w-full" />
      <p>
        Uploading {formatBytes(progress.loaded)} of {formatBytes(progress.total)} ({percent}%)
      </p>
    </div>
  )
}
