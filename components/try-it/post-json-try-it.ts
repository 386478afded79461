// The JSON POST both AI try-it forms send through POST /api/try-it (the one delegation path of
// every try-it call), and how they read a refused call's message.

export type JsonTryIt = { keyId: string; versionId: string; path: string; body: string; stream: boolean }

/** The console's answer, or the message to show when the console itself refused the request. */
export async function postJsonTryIt(
  call: JsonTryIt,
): Promise<{ ok: true; res: Response } | { ok: false; message: string }> {
  const res = await fetch('/api/try-it', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...call, method: 'POST', headers: { 'content-type': 'application/json' } }),
  })
  if (res.ok) return { ok: true, res }
  const problem = (await res.json().catch(() => ({}))) as { detail?: string }
  return { ok: false, message: problem.detail ?? `The console answered ${res.status}` }
}

/** The problem+json detail (or OpenAI-style error message) of a refused call, or its text. */
export function refusalMessage(text: string, status: number): string {
  try {
    const body = JSON.parse(text) as { detail?: string; title?: string; error?: { message?: string } }
    return body.detail ?? body.error?.message ?? body.title ?? `HTTP ${status}`
  } catch {
    return text.slice(0, 500) || `HTTP ${status}`
  }
}
