'use client'

import { useParams, useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import type { SearchHit } from '@/lib/search/search-console'
import { SearchResults } from './search-results'

// Ctrl/Cmd-K on every signed-in page, or the sidebar's SearchButton; the console layout mounts it
// once, outside the sidebar (a drawer hidden below 1024 px would hide it too). A native modal <dialog>
// (focus stays inside, Esc closes it, labelled by its heading). Results come from GET /search,
// which scopes them to what the user may see: from the team whose page this is, or, outside a team
// (the catalog, the docs), from all of the user's teams.

const DEBOUNCE_MS = 150
/** The window event that SearchButton sends to open the dialog. */
export const OPEN_SEARCH_EVENT = 'tollgate:open-search'

export function SearchDialog() {
  const router = useRouter()
  const { team: teamSlug } = useParams<{ team?: string }>()
  const dialog = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const [q, setQ] = useState('')
  const [hits, setHits] = useState<SearchHit[]>([])
  const [searched, setSearched] = useState('')
  const [active, setActive] = useState(0)

  function open() {
    if (!dialog.current?.open) dialog.current?.showModal()
    input.current?.select()
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        open()
      }
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener(OPEN_SEARCH_EVENT, open)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener(OPEN_SEARCH_EVENT, open)
    }
  }, [])

  useEffect(() => {
    const query = q.trim()
    if (!query) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams(teamSlug ? { q: query, team: teamSlug } : { q: query })
        const res = await fetch(`/search?${params}`, { signal: controller.signal })
        if (!res.ok) return
        const data = (await res.json()) as { hits: SearchHit[] }
        setHits(data.hits)
        setSearched(query)
        setActive(0)
      } catch {
        // Aborted by the next keystroke, or offline: the previous results stay.
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [q, teamSlug])

  function go(hit: SearchHit | undefined) {
    if (!hit) return
    dialog.current?.close()
    router.push(hit.href)
  }

  function onInputKey(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive((i) => Math.min(i + 1, Math.max(hits.length - 1, 0)))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      go(hits[active])
    } else if (event.key === 'Escape') {
      // A search input's own Escape only clears its text; Escape closes the dialog at once.
      event.preventDefault()
      dialog.current?.close()
    }
  }

  const shown = q.trim() ? hits : []
  return (
    <dialog
      ref={dialog}
      aria-labelledby="console-search-title"
      className="m-auto mt-[10vh] w-[calc(100vw-2rem)] max-w-xl rounded-lg p-0 text-left whitespace-normal shadow-xl backdrop:bg-slate-900/40"
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === dialog.current) dialog.current?.close()
      }}
    >
      <div className="space-y-3 p-4">
        <h2 id="console-search-title" className="sr-only">
          Search the console
        </h2>
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls="console-search-results"
          aria-activedescendant={shown.length > 0 ? `console-search-hit-${active}` : undefined}
          aria-label="Search APIs, versions, teams, keys, calls and incidents"
          placeholder="APIs, versions, teams, key prefix, request id, incident…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onInputKey}
          className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none"
        />
        <SearchResults
          hits={shown}
          active={active}
          pending={q.trim() !== '' && q.trim() !== searched}
          query={q.trim()}
          onPick={go}
          onHover={setActive}
        />
      </div>
    </dialog>
  )
}
