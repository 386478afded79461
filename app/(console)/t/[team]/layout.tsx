import { requireTeamPage } from '@/lib/auth/team-context'

// Membership is checked here, above every loading boundary, so a team you are not in answers a
// real 404 status before any streaming starts. Pages call requireTeamPage again (cached) for context.
export default async function TeamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string }> }) {
  await requireTeamPage((await params).team)
  return children
}
