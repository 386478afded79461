'use client'

import Link from 'next/link'
import { useParams, usePathname, useRouter } from 'next/navigation'
import { cn } from '@/components/ui/cn'
import { activeNavHref } from './active-nav-link'

type TeamOption = { slug: string; name: string; role: string }

const TEAM_LINKS: Array<{ href: string; label: string; roles?: string[] }> = [
  { href: 'apis', label: 'APIs' },
  { href: 'ai', label: 'AI models' },
  { href: 'ai/usage', label: 'AI usage' },
  { href: 'subscriptions', label: 'Subscriptions' },
  { href: 'keys', label: 'API keys' },
  { href: 'calls', label: 'Call log' },
  { href: 'errors', label: 'Errors & latency' },
  { href: 'billing', label: 'Billing' },
  { href: 'incidents', label: 'Payment incidents' },
  { href: 'notifications', label: 'Notifications' },
  { href: 'settings', label: 'Team & members' },
  // The page is owners' and admins' (team.manage); others would only meet a 404.
  { href: 'audit', label: 'Audit log', roles: ['OWNER', 'ADMIN'] },
]

export function SidebarNav({ teams }: { teams: TeamOption[] }) {
  const params = useParams<{ team?: string }>()
  const pathname = usePathname()
  const router = useRouter()
  const current = teams.find((t) => t.slug === params.team) ?? teams[0]
  const teamLinks = current
    ? TEAM_LINKS.filter((link) => !link.roles || link.roles.includes(current.role)).map((link) => ({
        ...link,
        href: `/t/${current.slug}/${link.href}`,
      }))
    : []
  const active = activeNavHref(
    pathname,
    teamLinks.map((link) => link.href),
  )

  const linkClass = (active: boolean) =>
    cn(
      'block rounded-md px-2.5 py-1.5 text-sm',
      active ? 'bg-gray-800 text-white' : 'text-gray-300 hover:bg-gray-800/60 hover:text-white',
    )

  return (
    <nav className="flex flex-1 flex-col gap-6" aria-label="Main">
      <div>
        <Link href="/catalog" className={linkClass(pathname.startsWith('/catalog'))}>
          Catalog
        </Link>
      </div>
      {current ? (
        <div className="space-y-2">
          <label htmlFor="team-switcher" className="px-2.5 text-xs font-semibold uppercase tracking-wide text-gray-500">
            Team
          </label>
          <select
            id="team-switcher"
            aria-label="Switch team"
            value={current.slug}
            onChange={(e) => router.push(`/t/${e.target.value}/apis`)}
            className="block w-full rounded-md border-0 bg-gray-800 px-2.5 py-1.5 text-sm text-white ring-1 ring-gray-700"
          >
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
          <p className="px-2.5 text-xs text-gray-500">Your role: {current.role.toLowerCase()}</p>
          <ul className="space-y-0.5">
            {teamLinks.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  aria-current={link.href === active ? 'page' : undefined}
                  className={linkClass(link.href === active)}
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="px-2.5 text-sm text-gray-400">You are not in a team yet. Ask an owner for an invite link.</p>
      )}
      <Link href="/teams/new" className={linkClass(pathname === '/teams/new')}>
        + Create a team
      </Link>
    </nav>
  )
}
