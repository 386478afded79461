import { describeType, isRecord } from '@/lib/openapi/list-operations'

const MAX_DEPTH = 6

/**
 * A JSON Schema as a nested property list: name, type, required, description, enum. Schemas are
 * already $ref-resolved; circular references show as their component name and stop there.
 */
export function SchemaView({ schema, depth = 0 }: { schema: unknown; depth?: number }) {
  if (!isRecord(schema)) return <p className="text-xs text-slate-500">Any value</p>
  const properties = isRecord(schema.properties) ? schema.properties : null
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : [])
  const items = schema.type === 'array' || Array.isArray(schema.type) ? schema.items : undefined

  return (
    <div className="space-y-1 text-xs">
      {depth === 0 ? (
        <p className="text-slate-600">
          <code className="font-mono text-violet-700">{describeType(schema)}</code>
          {typeof schema.description === 'string' ? <span className="ml-2">{schema.description}</span> : null}
        </p>
      ) : null}
      {properties && depth < MAX_DEPTH ? (
        <ul className="space-y-1 border-l border-slate-200 pl-3">
          {Object.entries(properties).map(([name, property]) => (
            <li key={name}>
              <PropertyLine name={name} schema={property} required={required.has(name)} />
              {hasChildren(property) ? <SchemaView schema={isRecord(property) && isRecord(property.items) ? property.items : property} depth={depth + 1} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!properties && isRecord(items) && hasChildren(items) && depth < MAX_DEPTH ? <SchemaView schema={items} depth={depth + 1} /> : null}
    </div>
  )
}

function PropertyLine({ name, schema, required }: { name: string; schema: unknown; required: boolean }) {
  const record = isRecord(schema) ? schema : {}
  return (
    <p className="flex flex-wrap items-baseline gap-x-2">
      <code className="font-mono font-medium text-slate-900">{name}</code>
      <code className="font-mono text-violet-700">{describeType(schema)}</code>
      {required ? <span className="text-[11px] font-medium text-red-600">required</span> : null}
      {record.deprecated === true ? <span className="text-[11px] text-amber-700">deprecated</span> : null}
      {typeof record.description === 'string' ? <span className="text-slate-600">{record.description}</span> : null}
      {Array.isArray(record.enum) ? <span className="text-slate-500">one of {record.enum.map((v) => JSON.stringify(v)).join(', ')}</span> : null}
    </p>
  )
}

function hasChildren(schema: unknown): boolean {
  if (!isRecord(schema)) return false
  if (isRecord(schema.properties) && Object.keys(schema.properties).length > 0) return true
  return isRecord(schema.items) && isRecord(schema.items.properties)
}
