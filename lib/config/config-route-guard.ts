import type { ManagementRequest } from '@/lib/management-api/management-route'
import { forbidden } from '@/lib/errors/app-error'
import { parseConfigFile } from './config-yaml'
import type { ConfigOptions } from './apply-config'
import { configPruneQuerySchema, type ConfigFile } from './schemas'

/**
 * The posted file, validated, for diff and apply. A file that states AI settings also needs the
 * token's `ai` grant, as every AI write does.
 */
export function configFileOf(call: ManagementRequest<{ team: string }>): ConfigFile {
  const file = parseConfigFile(call.text())
  const ai = file.ai
  const statesAi = Boolean(ai && (ai.providers.length || ai.models.length || ai.routes.length))
  if (statesAi && !call.caller.permissions.has('ai.write')) {
    throw forbidden('This file states AI settings: the token needs the ai grant (the ai.write permission)')
  }
  return file
}

/** `?prune=true` (diff and apply alike); any other value than true or false is 422. */
export function configOptionsOf(call: ManagementRequest<{ team: string }>): ConfigOptions {
  const { prune } = configPruneQuerySchema.parse({ prune: call.url.searchParams.get('prune') ?? undefined })
  return { prune: prune === 'true' }
}
