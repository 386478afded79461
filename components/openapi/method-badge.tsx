const METHOD_TONES: Record<string, string> = {
  get: 'bg-sky-100 text-sky-800',
  post: 'bg-emerald-100 text-emerald-800',
  put: 'bg-amber-100 text-amber-800',
  patch: 'bg-violet-100 text-violet-800',
  delete: 'bg-red-100 text-red-800',
}

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-flex w-16 shrink-0 justify-center rounded px-1.5 py-0.5 font-mono text-[11px] font-bold uppercase ${METHOD_TONES[method.toLowerCase()] ?? 'bg-slate-100 text-slate-700'}`}
    >
      {method}
    </span>
  )
}
