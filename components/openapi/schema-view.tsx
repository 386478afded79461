import type { SchemaModel } from '@/lib/openapi/build-schema-model'

/**
 * A schema as a nested property list: name, type, required, description, enum. A referenced
 * schema is a link to its own entry in the reference's "Schemas" section (fetched when opened),
 * never a copy; a schema that refers to itself links to itself.
 */
export function SchemaView({ schema, nested = false }: { schema: SchemaModel; nested?: boolean }) {
  const children = childrenOf(schema)
  return (
    <div className="space-y-1 text-xs">
      {!nested ? (
        <p className="text-slate-600">
          <TypeLabel schema={schema} />
          {schema.description ? <span className="ml-2">{schema.description}</span> : null}
        </p>
      ) : null}
      {children?.properties?.length ? (
        <ul className="space-y-1 border-l border-slate-200 pl-3">
          {children.properties.map((property) => (
            <li key={property.name}>
              <PropertyLine name={property.name} schema={property.schema} required={property.required} />
              {hasChildren(property.schema) ? <SchemaView schema={property.schema} nested /> : null}
            </li>
          ))}
          {children.hidden ? <li className="text-slate-500">… and {children.hidden} more properties</li> : null}
        </ul>
      ) : null}
      {children?.variants ? (
        <ul
          className="space-y-1 border-l border-dashed border-slate-300 pl-3"
          aria-label={children.variants.combinator}
        >
          {children.variants.parts.map((part, index) => (
            <li key={index}>
              <span className="text-slate-500">{children.variants!.combinator === 'allOf' ? 'and ' : 'or '}</span>
              <TypeLabel schema={part} />
              {hasChildren(part) ? <SchemaView schema={part} nested /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {schema.truncated && !schema.ref ? <p className="text-slate-400">… (nested too deep to show here)</p> : null}
    </div>
  )
}

/** The type of a schema with every referenced name as a link: "array<Pet>", "Cat | Dog". */
export function TypeLabel({ schema }: { schema: SchemaModel }) {
  if (schema.ref) {
    const { name, anchor, circular, ref } = schema.ref
    if (!anchor)
      return (
        <code className="font-mono text-red-700" title="This reference points at nothing">
          {name}
        </code>
      )
    return (
      <a
        href={`#${anchor}`}
        data-schema-ref={name}
        data-ref={ref}
        className="font-mono text-violet-700 underline decoration-violet-300 underline-offset-2 hover:text-violet-900"
      >
        {name}
        {circular ? (
          <span className="text-[10px] text-slate-500" title="This schema refers to itself">
            {' '}
            (circular)
          </span>
        ) : null}
      </a>
    )
  }
  if (schema.items && schema.type.startsWith('array')) {
    return (
      <code className="font-mono text-violet-700">
        array&lt;
        <TypeLabel schema={schema.items} />
        &gt;{schema.type.includes('null') ? ' | null' : ''}
      </code>
    )
  }
  if (!schema.type && schema.variants) {
    const glue = schema.variants.combinator === 'allOf' ? ' & ' : ' | '
    return (
      <code className="font-mono text-violet-700">
        {schema.variants.parts.map((part, index) => (
          <span key={index}>
            {index > 0 ? glue : ''}
            <TypeLabel schema={part} />
          </span>
        ))}
      </code>
    )
  }
  return <code className="font-mono text-violet-700">{schema.type || 'any'}</code>
}

function PropertyLine({ name, schema, required }: { name: string; schema: SchemaModel; required: boolean }) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-2">
      <code className="font-mono font-medium text-slate-900">{name}</code>
      <TypeLabel schema={schema} />
      {required ? <span className="text-[11px] font-medium text-red-600">required</span> : null}
      {schema.deprecated ? <span className="text-[11px] text-amber-700">deprecated</span> : null}
      {schema.description ? <span className="text-slate-600">{schema.description}</span> : null}
      {schema.enumValues ? (
        <span className="text-slate-500">
          one of {schema.enumValues.join(', ')}
          {schema.hidden && !schema.properties ? ` … (${schema.hidden} more)` : ''}
        </span>
      ) : null}
    </p>
  )
}

// Properties of an array's items are shown under the array itself, as before.
function childrenOf(schema: SchemaModel): SchemaModel | null {
  if (schema.ref) return null
  if (schema.properties || schema.variants) return schema
  if (schema.items && !schema.items.ref && (schema.items.properties || schema.items.variants)) return schema.items
  return null
}

function hasChildren(schema: SchemaModel): boolean {
  const children = childrenOf(schema)
  return !!children && (!!children.properties?.length || !!children.variants)
}
