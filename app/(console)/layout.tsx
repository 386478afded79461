import { cookies } from 'next/headers'
import Link from 'next/link'
import { SearchButton } from '@/components/search/search-button'
import { SearchDialog } from '@/components/search/search-dialog'
import { ConsoleShell } from '@/components/shell/console-shell'
import { SidebarNav } from '@/components/shell/sidebar-nav'
import { SignOutButton } from '@/components/shell/sign-out-button'
import { parseTheme, THEME_COOKIE } from '@/components/shell/theme'
import { ThemeToggle } from '@/components/shell/theme-toggle'
import { listUserTeams, requireUser } from '@/lib/auth/team-context'

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser()
  const [memberships, cookieStore] = await Promise.all([listUserTeams(user.id), cookies()])
  const teams = memberships.map((m) => ({ slug: m.team.slug, name: m.team.name, role: m.role }))
  return (
    <>
      <ConsoleShell
        brand={
          <Link href="/catalog" className="flex items-center gap-2 px-2.5 text-white">
            <span className="grid h-7 w-7 place-items-center rounded-md bg-brand-500 text-sm font-bold">T</span>
            <span className="text-base font-semibold tracking-tight">Tollgate</span>
          </Link>
        }
        sidebar={
          <>
            <SearchButton />
            <SidebarNav teams={teams} />
            <div className="space-y-3 border-t border-gray-800 px-2.5 pt-3">
              <ThemeToggle initial={parseTheme(cookieStore.get(THEME_COOKIE)?.value)} />
              <p className="truncate text-xs text-gray-300" title={user.email}>
                {user.email}
              </p>
              <SignOutButton />
            </div>
          </>
        }
      >
        {children}
      </ConsoleShell>
      <SearchDialog />
    </>
  )
}
