'use client'

import { useState } from 'react'
import { cn } from '@/components/ui/cn'
import { THEME_COOKIE, THEMES, type Theme } from './theme'

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/**
 * System, light or dark. The choice goes into a cookie (a year), so the server renders the next
 * page in it with no flash, and onto <html> at once, so this page changes without a reload.
 */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial)

  function choose(next: Theme) {
    setTheme(next)
    applyTheme(next)
  }

  return (
    <div role="group" aria-label="Colour scheme" className="flex rounded-md bg-gray-800 p-0.5">
      {THEMES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={theme === option}
          onClick={() => choose(option)}
          className={cn(
            'flex-1 rounded px-2 py-0.5 text-xs',
            theme === option ? 'bg-gray-700 text-white' : 'text-gray-400 hover:text-white',
          )}
        >
          {LABELS[option]}
        </button>
      ))}
    </div>
  )
}

function applyTheme(theme: Theme) {
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`
  const root = document.documentElement
  root.classList.remove('light', 'dark')
  if (theme !== 'system') root.classList.add(theme)
}
