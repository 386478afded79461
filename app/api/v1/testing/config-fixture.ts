// What the config tests share: a team with a write token, and export, diff and apply through the
// real route handlers.
import { expect } from 'vitest'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { routeCall, send } from './management-fixture'

export type Diff = {
  changes: Array<{ resource: string; name: string; change: string; fields?: string[] }>
  summary: { create: number; update: number; unchanged: number; delete: number }
  needsKey: string[]
  applied?: boolean
}

export async function teamWithToken(label: string, grants: { grantAi?: boolean } = {}) {
  const team = await createTestTeam({ label })
  const token = (await createManagementToken(team.scope, { name: 'ci', access: 'write', ...grants })).value
  return { team, token }
}

export async function exportConfig(team: TestTeam, token: string): Promise<string> {
  const response = await send(routeCall('GET', '/teams/{team}/config', team.slug), token)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/yaml')
  return response.text()
}

export function post(what: 'diff' | 'apply', team: TestTeam, token: string, file: string, query = '') {
  const call = routeCall('POST', `/teams/{team}/config/${what}`, team.slug)
  return send({ ...call, path: `${call.path}${query}` }, token, {
    body: file,
    headers: { 'content-type': 'application/yaml' },
  })
}

export async function applied(team: TestTeam, token: string, file: string): Promise<Diff> {
  const response = await post('apply', team, token, file)
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()) as Diff
}
