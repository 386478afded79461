import type { TeamScope } from '@/lib/auth/actor'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import type { UpdateCaptureValues } from './schemas'

// Turns call capture on or off for one version, in any state: it changes what is kept of calls,
// not the contract, so a published version may change it. The gateway sees it through a config event.

export async function updateVersionCapture(
  { teamId }: TeamScope,
  { versionId, captureMode, captureRetentionDays }: UpdateCaptureValues,
) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiVersion.updateMany({
      where: { id: versionId, teamId },
      data: { captureMode, captureRetentionDays },
    })
    if (count === 0) throw notFound('Version')
    await publishConfigChange(tx)
    return { versionId, captureMode, captureRetentionDays }
  })
}

export type UpdatedCapture = Awaited<ReturnType<typeof updateVersionCapture>>
