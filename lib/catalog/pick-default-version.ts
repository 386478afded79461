type VersionLike = { state: string; major: number; createdAt: Date }

/** Newest first: by major version, then by creation time (v2.1 after v2.0). */
export function compareVersionsNewestFirst(a: VersionLike, b: VersionLike): number {
  return b.major - a.major || b.createdAt.getTime() - a.createdAt.getTime()
}

/**
 * The version a consumer should see first: the newest PUBLISHED one, else the newest DEPRECATED
 * one. Null when neither exists (only drafts or retired versions).
 */
export function pickDefaultVersion<V extends VersionLike>(versions: V[]): V | null {
  const sorted = [...versions].sort(compareVersionsNewestFirst)
  return sorted.find((v) => v.state === 'PUBLISHED') ?? sorted.find((v) => v.state === 'DEPRECATED') ?? null
}
