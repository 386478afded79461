import { loadOpenApiDocument, type LoadedDocument } from '@/lib/openapi/load-openapi-document'

// Parsed contracts, kept for the next look: opening one operation of GitHub's 13 MB contract
// should not parse 13 MB each time. Keyed by version and its updatedAt (a draft that is edited
// gets a new key), least recently used first out, bounded by the total size of the texts.

const MAX_CACHED_TEXT_BYTES = 48 * 1024 * 1024
type Entry = { loaded: Promise<LoadedDocument>; bytes: number }
const entries = new Map<string, Entry>()
let cachedBytes = 0

export type StoredVersionKey = { id: string; updatedAt: Date }

/** The version's document, parsed (never validated again), from the cache or from `readText`. */
export async function loadStoredContract(
  version: StoredVersionKey,
  readText: () => Promise<string>,
): Promise<LoadedDocument> {
  const key = `${version.id}:${version.updatedAt.getTime()}`
  const hit = entries.get(key)
  if (hit) {
    entries.delete(key)
    entries.set(key, hit) // most recently used last
    return hit.loaded
  }
  const text = await readText()
  const bytes = text.length
  const loaded = loadOpenApiDocument(text)
  if (bytes > MAX_CACHED_TEXT_BYTES) return loaded
  entries.set(key, { loaded, bytes })
  cachedBytes += bytes
  for (const [oldKey, entry] of entries) {
    if (cachedBytes <= MAX_CACHED_TEXT_BYTES) break
    entries.delete(oldKey)
    cachedBytes -= entry.bytes
  }
  // A document that failed to parse is not worth keeping.
  void loaded.then((result) => {
    if (!result.ok && entries.get(key)?.loaded === loaded) {
      entries.delete(key)
      cachedBytes -= bytes
    }
  })
  return loaded
}
