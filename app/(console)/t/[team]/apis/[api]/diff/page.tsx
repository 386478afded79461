import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ChangeList } from '@/components/apis/change-list'
import { Button } from '@/components/ui/button'
import { Card, CardBody, CardHeader, PageHeader } from '@/components/ui/card'
import { Select } from '@/components/ui/form-field'
import { getApiBySlug } from '@/lib/apis/get-api'
import { getVersionDiff } from '@/lib/apis/get-version-diff'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'

export const metadata: Metadata = { title: 'Compare versions' }

type Props = {
  params: Promise<{ team: string; api: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export default async function DiffPage({ params, searchParams }: Props) {
  const [{ team, api: slug }, query] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(team)
  const scope = scopeOf(context)
  const api = await getApiBySlug(scope, { slug })
  if (!api) notFound()
  // Versions are newest first: by default compare the previous one with the newest.
  const ids = api.versions.map((v) => v.id)
  const pick = (value: unknown, fallback: string | undefined) =>
    typeof value === 'string' && ids.includes(value) ? value : fallback
  const to = pick(query.to, ids[0])
  const from = pick(query.from, ids[1] ?? ids[0])
  const diff = from && to ? await getVersionDiff(scope, { apiId: api.id, fromVersionId: from, toVersionId: to }) : null

  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-2 text-sm">
        <Link href={`/t/${team}/apis/${api.slug}`} className="text-slate-500 hover:text-slate-800">
          ← {api.name}
        </Link>
      </p>
      <PageHeader
        title="Compare versions"
        description="What a client of the older version would notice in the newer one."
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Pick versions">
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-700">From</span>
          <Select name="from" defaultValue={from}>
            {api.versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.version} ({v.state.toLowerCase()})
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-700">To</span>
          <Select name="to" defaultValue={to}>
            {api.versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.version} ({v.state.toLowerCase()})
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          Compare
        </Button>
      </form>
      {diff ? (
        <Card>
          <CardHeader
            title={
              <>
                <code className="font-mono">{diff.from.version}</code> →{' '}
                <code className="font-mono">{diff.to.version}</code>
              </>
            }
            description={`${diff.breakingCount} breaking, ${diff.changes.length - diff.breakingCount} compatible change(s)`}
          />
          <ChangeList changes={diff.changes} />
        </Card>
      ) : (
        <Card>
          <CardBody>
            <p className="text-sm text-slate-500">This API has no versions to compare yet.</p>
          </CardBody>
        </Card>
      )}
    </div>
  )
}
