import type { Prisma } from '@/generated/sqlite/client'
import { managementTokenOutputSchema, type ManagementTokenOutput } from './schemas'

// `hash` is deliberately not selected: what is never read cannot leak.
export const MANAGEMENT_TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  access: true,
  grantBilling: true,
  grantAi: true,
  createdById: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies Prisma.ManagementTokenSelect

export type ManagementTokenRow = Prisma.ManagementTokenGetPayload<{ select: typeof MANAGEMENT_TOKEN_SELECT }>

export function managementTokenStatus(
  row: Pick<ManagementTokenRow, 'revokedAt' | 'expiresAt'>,
  now = Date.now(),
): ManagementTokenOutput['status'] {
  if (row.revokedAt) return 'REVOKED'
  if (row.expiresAt && row.expiresAt.getTime() <= now) return 'EXPIRED'
  return 'ACTIVE'
}

export function toManagementTokenOutput(row: ManagementTokenRow, now = Date.now()): ManagementTokenOutput {
  return managementTokenOutputSchema.parse({ ...row, status: managementTokenStatus(row, now) })
}
