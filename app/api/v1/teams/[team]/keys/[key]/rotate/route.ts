// POST /api/v1/teams/{team}/keys/{key}/rotate: a new key (shown once); the old one keeps working
// for `graceSeconds` (the console's choices).
import { rotateKey } from '@/lib/keys/rotate-key'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

type Params = { team: string; key: string }

export const POST = managementRoute<Params>(
  'keys.write',
  async ({ params, json, caller, tx }) => {
    const { key, value, previous } = await rotateKey(caller.scope, { ...json(), keyId: params.key }, tx)
    return { status: 201, body: { ...key, value, previous } }
  },
  { transaction: true },
)
