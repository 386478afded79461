// GET /api/v1/teams/{team}/config - export the team's declarative config (APIs, versions, plans,
// AI settings without secrets) as YAML, the file that config/diff and config/apply take.
import { configToYaml } from '@/lib/config/config-yaml'
import { readTeamConfig } from '@/lib/config/read-team-config'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

export const GET = managementRoute<{ team: string }>('team.read', async ({ caller, params }) => ({
  text: configToYaml(await readTeamConfig(caller.scope)),
  headers: {
    'content-type': 'application/yaml; charset=utf-8',
    'content-disposition': `attachment; filename="${params.team}.tollgate.yaml"`,
  },
}))
