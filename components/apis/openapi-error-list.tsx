import { splitOpenApiError } from '@/lib/openapi/format-openapi-error'

/** OpenAPI validation errors, each with the JSON pointer of the offending value. */
export function OpenApiErrorList({ errors }: { errors: string[] | undefined }) {
  if (!errors?.length) return null
  return (
    <ul
      className="space-y-1 rounded-md bg-red-50 p-3 text-xs ring-1 ring-red-200"
      aria-label="OpenAPI errors"
      data-field-error="openapi"
    >
      {errors.map((text) => {
        const { path, message } = splitOpenApiError(text)
        return (
          <li key={text} className="flex flex-col gap-0.5 sm:flex-row sm:gap-2">
            {path ? <code className="shrink-0 font-mono font-semibold break-all text-red-800">{path}</code> : null}
            <span className="text-red-700">{message}</span>
          </li>
        )
      })}
    </ul>
  )
}
