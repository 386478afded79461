'use client'

import type { ActionState } from '@/lib/auth/action-result'

export type UploadProgress = { phase: 'uploading'; loaded: number; total: number } | { phase: 'checking' }

/**
 * Posts a form to a route handler with XMLHttpRequest, the one browser API that reports upload
 * progress, and turns the answer (JSON, or problem+json on failure) into the ActionState shape
 * the console's forms already show: a message and field errors.
 */
export function postWithProgress<T>(
  url: string,
  body: FormData,
  onProgress: (progress: UploadProgress) => void,
): Promise<ActionState<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.responseType = 'json'
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'uploading', loaded: event.loaded, total: event.total })
    }
    // Sent: the server now checks the document (on a worker thread) and stores it.
    xhr.upload.onload = () => onProgress({ phase: 'checking' })
    xhr.onload = () => {
      const answer = xhr.response as
        { ok: true; data: T } | { detail?: string; errors?: Record<string, string[]> } | null
      if (answer && 'ok' in answer && answer.ok) return resolve({ ok: true, data: answer.data })
      const problem = (answer ?? {}) as { detail?: string; errors?: Record<string, string[]> }
      resolve({
        ok: false,
        error: problem.detail ?? `The server answered ${xhr.status}`,
        fieldErrors: problem.errors,
      })
    }
    xhr.onerror = () => resolve({ ok: false, error: 'The upload failed: the connection was lost' })
    xhr.send(body)
  })
}
