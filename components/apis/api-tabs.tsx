import Link from 'next/link'
import { cn } from '@/components/ui/cn'

// The owner's API page is split in tabs; the tab lives in the URL (?tab=), so every tab is a link
// that works without JavaScript, can be bookmarked, and keeps the browser's back button.

export const API_TABS = ['overview', 'versions', 'plans', 'settings', 'history'] as const
export type ApiTab = (typeof API_TABS)[number]

const LABELS: Record<ApiTab, string> = {
  overview: 'Overview',
  versions: 'Versions',
  plans: 'Plans',
  settings: 'Settings',
  history: 'History',
}

/** An unknown or missing ?tab= opens Overview, or Versions while the API has none yet. */
export function parseApiTab(value: string | string[] | undefined, hasVersions: boolean): ApiTab {
  const tab = API_TABS.find((t) => t === value)
  return tab ?? (hasVersions ? 'overview' : 'versions')
}

export function apiTabHref(basePath: string, tab: ApiTab): string {
  return `${basePath}?tab=${tab}`
}

export function ApiTabs({ basePath, active }: { basePath: string; active: ApiTab }) {
  return (
    <nav aria-label="API sections" className="mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="-mb-px flex gap-1">
        {API_TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={apiTabHref(basePath, tab)}
              aria-current={tab === active ? 'page' : undefined}
              className={cn(
                'inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap',
                tab === active
                  ? 'border-brand-600 text-brand-700'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
              )}
            >
              {LABELS[tab]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
