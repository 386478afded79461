import type { Db } from '../db'

/**
 * The version of the last published config change (0 before the first): the cheap query every
 * gateway polls about three times a second, to see changes published by other processes.
 */
export async function readConfigVersion(client: Pick<Db, 'configVersion'>): Promise<number> {
  const row = await client.configVersion.findUnique({ where: { id: 1 }, select: { version: true } })
  return row?.version ?? 0
}
