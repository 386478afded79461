import type { Metadata } from 'next'
import { Card, CardBody, PageHeader } from '@/components/ui/card'
import { CreateTeamForm } from '@/components/teams/create-team-form'
import { requireUser } from '@/lib/auth/team-context'
import { createTeamAction } from './actions'

export const metadata: Metadata = { title: 'Create a team' }

export default async function NewTeamPage() {
  await requireUser()
  return (
    <div className="max-w-xl">
      <PageHeader
        title="Create a team"
        description="You become its owner. Invite others from the team settings afterwards."
      />
      <Card>
        <CardBody>
          <CreateTeamForm action={createTeamAction} />
        </CardBody>
      </Card>
    </div>
  )
}
