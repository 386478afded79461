// POST /api/v1/teams/{team}/keys/{key}/revoke: the key stops at the gateway within a second.
import { revokeKey } from '@/lib/keys/revoke-key'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

type Params = { team: string; key: string }

export const POST = managementRoute<Params>(
  'keys.write',
  async ({ params, caller, tx }) => ({
    body: await revokeKey(caller.scope, { keyId: params.key }, tx),
  }),
  { transaction: true },
)
