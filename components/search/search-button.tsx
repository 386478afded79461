'use client'

import { OPEN_SEARCH_EVENT } from './search-dialog'

/**
 * The sidebar's way into the global search, for those who do not know Ctrl/Cmd-K. Named "Jump
 * to", as Slack's Ctrl-K is, so it is not confused with the catalog's own Search button.
 */
export function SearchButton() {
  return (
    <button
      type="button"
      onClick={() => window.dispatchEvent(new Event(OPEN_SEARCH_EVENT))}
      className="flex w-full items-center justify-between rounded-md bg-gray-800 px-2.5 py-1.5 text-sm text-gray-300 hover:bg-gray-700 hover:text-white"
    >
      Jump to… <kbd className="rounded bg-gray-700 px-1 font-sans text-xs text-gray-300">Ctrl K</kbd>
    </button>
  )
}
