import Link from 'next/link'
import type { CatalogVersion } from '@/lib/catalog/get-catalog-api'
import { formatDate } from './format-labels'

/**
 * What a consumer must know before building on the selected version: deprecated (with its sunset
 * date and successor), retired (calls answer 410 Gone), or still a draft (owning team only).
 */
export function VersionNotice({
  version,
  basePath,
  now = new Date(),
}: {
  version: CatalogVersion
  basePath: string
  now?: Date
}) {
  const successor = version.successor ? (
    <Link
      href={`${basePath}?version=${encodeURIComponent(version.successor.version)}`}
      className="font-medium underline"
    >
      {version.successor.version}
    </Link>
  ) : null

  if (version.state === 'DEPRECATED') {
    const sunset = version.sunsetAt
    return (
      <div
        role="note"
        data-version-notice="deprecated"
        className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
      >
        <p className="font-semibold">{version.version} is deprecated.</p>
        <p className="mt-0.5">
          {sunset ? (
            sunset > now ? (
              <>
                It will be retired on or after <time dateTime={sunset.toISOString()}>{formatDate(sunset)}</time> (its
                sunset date).{' '}
              </>
            ) : (
              <>
                Its sunset date, <time dateTime={sunset.toISOString()}>{formatDate(sunset)}</time>, has passed: it can
                be retired at any time.{' '}
              </>
            )
          ) : null}
          {successor ? <>Move to {successor}.</> : <>No successor version has been named.</>}
        </p>
      </div>
    )
  }
  if (version.state === 'RETIRED') {
    return (
      <div
        role="note"
        data-version-notice="retired"
        className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200"
      >
        <p className="font-semibold">{version.version} is retired.</p>
        <p className="mt-0.5">
          {version.retiredAt ? (
            <>
              It was retired on <time dateTime={version.retiredAt.toISOString()}>{formatDate(version.retiredAt)}</time>{' '}
              and{' '}
            </>
          ) : (
            'It '
          )}
          answers every call with 410 Gone. {successor ? <>Use {successor} instead.</> : null}
        </p>
      </div>
    )
  }
  if (version.state === 'DRAFT') {
    return (
      <div
        role="note"
        data-version-notice="draft"
        className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200"
      >
        {version.version} is a draft: only your team can see it until it is published.
      </div>
    )
  }
  return null
}
