import type { Metadata } from 'next'
import Link from 'next/link'
import { CreateApiForm } from '@/components/apis/create-api-form'
import { Card, CardBody, EmptyState, PageHeader } from '@/components/ui/card'
import { requireTeamPage } from '@/lib/auth/team-context'
import { createApiAction } from '../actions'

export const metadata: Metadata = { title: 'New API' }

export default async function NewApiPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params
  const context = await requireTeamPage(team)
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href={`/t/${team}/apis`} className="text-slate-500 hover:text-slate-800">
          ← APIs
        </Link>
      </p>
      <PageHeader title="New API" description="Versions, contracts and plans come next, on the API's page." />
      {context.can('apis.write') ? (
        <Card>
          <CardBody>
            <CreateApiForm teamSlug={team} action={createApiAction} />
          </CardBody>
        </Card>
      ) : (
        <EmptyState
          title="You cannot create APIs"
          description={`Your role (${context.role.toLowerCase()}) can view this team's APIs but not change them.`}
        />
      )}
    </div>
  )
}
