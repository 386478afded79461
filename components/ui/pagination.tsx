import Link from 'next/link'
import { buttonClass } from './button'

/**
 * Page links that keep the current search params. `hrefFor(page)` builds each link, so the same
 * component serves offset pages (catalog) and cursor pages (call logs: pass nextHref/prevHref).
 */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
}: {
  page: number
  pageCount: number
  total: number
  hrefFor: (page: number) => string
}) {
  if (pageCount <= 1)
    return (
      <p className="mt-3 text-xs text-slate-500">
        {total} result{total === 1 ? '' : 's'}
      </p>
    )
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-xs text-slate-500">
      <span>
        Page {page} of {pageCount} · {total} results
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass('secondary', 'sm')} href={hrefFor(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className={buttonClass('secondary', 'sm')} href={hrefFor(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  )
}

export function CursorPagination({ prevHref, nextHref }: { prevHref?: string | null; nextHref?: string | null }) {
  return (
    <nav aria-label="Pagination" className="mt-3 flex justify-end gap-2">
      {prevHref ? (
        <Link className={buttonClass('secondary', 'sm')} href={prevHref}>
          Newer
        </Link>
      ) : null}
      {nextHref ? (
        <Link className={buttonClass('secondary', 'sm')} href={nextHref}>
          Older
        </Link>
      ) : null}
    </nav>
  )
}

/** Builds a link to the same page with some search params replaced (undefined removes one). */
export function withParams(
  basePath: string,
  current: Record<string, string | undefined>,
  changes: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const query = params.toString()
  return query ? `${basePath}?${query}` : basePath
}
