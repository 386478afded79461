import type { Metadata } from 'next'
import { Card, CardBody, PageHeader } from '@/components/ui/card'
import { ApiReference } from '@/components/openapi/api-reference'
import { buildContractIndex } from '@/lib/openapi/build-contract-index.mjs'
import { buildManagementOpenApi } from '@/lib/management-api/openapi-document'
import { MANAGEMENT_ROUTES } from '@/app/api/v1/route-list'

export const metadata: Metadata = { title: 'Management API' }

/** The management API's reference, drawn by the same renderer as every API in the catalog. */
export default function ManagementApiDocsPage() {
  const document = buildManagementOpenApi(MANAGEMENT_ROUTES)
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title="Management API"
        description="Script everything the console does. Create a token in your team's settings, then call /api/v1 with Authorization: Bearer tgm_…. The raw document is at /api/v1/openapi.json."
      />
      <Card>
        <CardBody>
          <ApiReference index={buildContractIndex(document)} detailUrl="/docs/api/reference" baseUrl="/" />
        </CardBody>
      </Card>
    </div>
  )
}
