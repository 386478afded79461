import Link from 'next/link'
import { SidebarNav } from '@/components/shell/sidebar-nav'
import { SignOutButton } from '@/components/shell/sign-out-button'
import { listUserTeams, requireUser } from '@/lib/auth/team-context'

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser()
  const memberships = await listUserTeams(user.id)
  const teams = memberships.map((m) => ({ slug: m.team.slug, name: m.team.name, role: m.role }))
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col gap-6 bg-slate-900 px-3 py-5">
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
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  )
}
