'use client'

import { usePathname } from 'next/navigation'
import { useEffect, useState } from 'react'
import { cn } from '@/components/ui/cn'

/**
 * The console's frame. From 1024 px the sidebar is a column beside the page whose background
 * runs the page's whole height (the column stretches; only its contents stick). Below 1024 px it
 * is a drawer behind a menu button, so a phone keeps its full width for the page.
 *
 * The shell uses the `gray` palette, not `slate`: dark mode inverts slate (app/globals.css), and
 * the sidebar is dark in both schemes.
 */
export function ConsoleShell({
  brand,
  sidebar,
  children,
}: {
  brand: React.ReactNode
  sidebar: React.ReactNode
  children: React.ReactNode
}) {
  const pathname = usePathname()
  // The drawer is open on the page it was opened on: following one of its links closes it.
  const [openOn, setOpenOn] = useState<string | null>(null)
  const open = openOn === pathname
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null)

  useEffect(() => {
    if (!open) return
    const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && setOpenOn(null)
    window.addEventListener('keydown', closeOnEscape)
    return () => window.removeEventListener('keydown', closeOnEscape)
  }, [open])

  return (
    <div className="flex min-h-screen flex-col lg:flex-row">
      <header className="sticky top-0 z-20 flex h-12 items-center justify-between bg-gray-900 px-3 lg:hidden">
        {brand}
        <button
          type="button"
          aria-expanded={open}
          aria-controls="console-sidebar"
          onClick={() => setOpen(!open)}
          className="grid h-9 w-9 place-items-center rounded-md text-gray-200 hover:bg-gray-800 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          <span className="sr-only">{open ? 'Close menu' : 'Open menu'}</span>
          <MenuIcon open={open} />
        </button>
      </header>
      {open ? (
        <div aria-hidden className="fixed inset-0 z-30 bg-gray-950/50 lg:hidden" onClick={() => setOpen(false)} />
      ) : null}
      <aside
        id="console-sidebar"
        className={cn(
          'fixed inset-y-0 left-0 z-40 w-64 shrink-0 overflow-y-auto bg-gray-900 lg:static lg:z-auto lg:w-60 lg:translate-x-0 lg:overflow-visible',
          open ? 'translate-x-0' : 'max-lg:invisible -translate-x-full',
          'transition-transform motion-reduce:transition-none',
        )}
        data-open={open || undefined}
      >
        <div className="flex min-h-full flex-col gap-6 px-3 py-5 lg:sticky lg:top-0 lg:h-screen lg:min-h-0 lg:overflow-y-auto">
          <div className="hidden lg:block">{brand}</div>
          {sidebar}
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-4 py-6 lg:px-8">{children}</main>
    </div>
  )
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
      {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
    </svg>
  )
}
