import Link from 'next/link'
import { SidebarNav } from '@/components/shell/sidebar-nav'
import { SignOutButton } from '@/components/shell/sign-out-button'
import { listUserTeams, requireUser } from '@/lib/auth/team-context'

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser()
  const memberships = await listUserTeams(user.id)
  const teams = memberships.map((m) => ({ slug: m.team.slug, name: m.team.name, role: m.role }))
  return (
    // Below md the sidebar becomes a block above the page, so a phone gets the full width.
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex w-full shrink-0 flex-col gap-6 bg-slate-900 px-3 py-5 md:sticky md:top-0 md:h-screen md:w-60">
        <Link href="/catalog" className="flex items-center gap-2 px-2.5 text-white">
          <span className="grid h-7 w-7 place-items-center rounded-md bg-brand-500 text-sm font-bold">T</span>
          <span className="text-base font-semibold tracking-tight">Tollgate</span>
        </Link>
        <SidebarNav teams={teams} />
        <div className="border-t border-slate-800 px-2.5 pt-3">
          <p className="truncate text-xs text-slate-300" title={user.email}>
            {user.email}
          </p>
          <SignOutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
    </div>
  )
}
