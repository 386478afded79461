import { ReadOnlyFields } from '@/components/ui/read-only-fields'
import { formatBytes } from '@/lib/openapi/openapi-limits.mjs'
import type { ExistingVersion } from './version-form'

/**
 * What a member who cannot edit APIs sees instead of the version form: the version's upstream,
 * timeout and contract as text, with no inputs and no Save button.
 */
export function VersionDetails({ version }: { version: Omit<ExistingVersion, 'id'> }) {
  return (
    <ReadOnlyFields
      fields={[
        { label: 'Version', value: <code className="font-mono">{version.version}</code> },
        { label: 'State', value: version.state.toLowerCase() },
        { label: 'Upstream URL', value: <code className="font-mono">{version.upstreamUrl}</code> },
        { label: 'Timeout', value: `${version.timeoutMs.toLocaleString('en-US')} ms` },
        {
          label: 'Contract',
          value:
            version.openapi === null ? (
              `${formatBytes(version.openapiBytes)}, too large to show here; its reference is below.`
            ) : (
              <pre
                data-contract
                className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100"
              >
                {version.openapi}
              </pre>
            ),
        },
        ...(version.convertedFrom
          ? [{ label: 'Converted from', value: `${version.convertedFrom}, to OpenAPI 3 when it was saved` }]
          : []),
      ]}
      note="Only members who can edit APIs can change a version."
    />
  )
}
