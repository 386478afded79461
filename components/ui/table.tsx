import { cn } from './cn'

// `relative`: visually hidden header labels (sr-only, absolutely positioned) stay inside the
// scroll box instead of widening the page on a phone.
export function Table({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <div className={cn('relative overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200', className)}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">{children}</table>
    </div>
  )
}

export function Th({ children, className }: { children?: React.ReactNode; className?: string }) {
  return (
    <th
      scope="col"
      className={cn(
        'bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500',
        className,
      )}
    >
      {children}
    </th>
  )
}

export function Td({ children, className }: { children?: React.ReactNode; className?: string }) {
  return <td className={cn('whitespace-nowrap px-3 py-2 text-slate-700', className)}>{children}</td>
}

export function TBody({ children }: { children: React.ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>
}
