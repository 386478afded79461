import {
  compareContext,
  compareSchemas,
  emitDelta,
  typeOf,
  widens,
  type CompareContext,
  type SchemaChangeKind,
} from './diff-schemas'
import { escapePointerToken } from './json-pointer.mjs'
import { listOperations, type MediaType, type OperationEntry } from './list-operations'
import { createRefResolver, createWorkMeter, OpenApiBudgetError, type WorkMeter } from './ref-resolver'

export type ChangeKind =
  | 'path-added'
  | 'path-removed'
  | 'operation-added'
  | 'operation-removed'
  | 'parameter-added'
  | 'required-parameter-added'
  | 'parameter-removed'
  | 'parameter-became-required'
  | 'parameter-type-changed'
  | 'request-body-became-required'
  | 'response-removed'
  | 'response-added'
  | 'response-media-type-removed'
  | SchemaChangeKind
  /** The comparison stopped at its budget; what was not compared may break clients. */
  | 'comparison-incomplete'

export type OpenApiChange = {
  kind: ChangeKind
  breaking: boolean
  /** "GET /pets", or just "/pets" for path-level changes. */
  path: string
  /** JSON pointer into the newer document (or the older one for removals), through any $refs. */
  location: string
  message: string
}

export type DiffLimits = { maxWork?: number; maxChanges?: number }

/** A contract pair this far from the other is better reviewed by hand than listed. */
const MAX_CHANGES = 1_000

class ChangeCapReached extends Error {}

/**
 * The changes a client of `before` would notice in `after`. Breaking means a client that worked
 * against `before` can fail against `after`: something it calls or reads is gone or changed type,
 * or something it never sent is now required. Both documents keep their $refs: referenced schemas
 * are compared once per pair (diff-schemas.ts), and the whole comparison runs under a work budget.
 * Past it, or past `maxChanges`, the list ends with a breaking "comparison-incomplete" entry.
 */
export function diffOpenApi(beforeDocument: unknown, afterDocument: unknown, limits: DiffLimits = {}): OpenApiChange[] {
  const meter = createWorkMeter(limits.maxWork)
  const ctx = compareContext(createRefResolver(beforeDocument, meter), createRefResolver(afterDocument, meter))
  const maxChanges = limits.maxChanges ?? MAX_CHANGES
  const changes: OpenApiChange[] = []
  const add = (change: OpenApiChange) => {
    if (changes.length >= maxChanges) throw new ChangeCapReached()
    changes.push(change)
  }
  try {
    diffDocuments(ctx, meter, add)
  } catch (error) {
    if (error instanceof OpenApiBudgetError) {
      changes.push(
        incomplete(
          `These contracts are too complex to compare in full (the comparison stopped after ${error.limit.toLocaleString('en-US')} steps); review the changes not listed here by hand`,
        ),
      )
    } else if (error instanceof ChangeCapReached) {
      changes.push(
        incomplete(
          `More than ${maxChanges.toLocaleString('en-US')} changes: only the first ${maxChanges.toLocaleString('en-US')} are listed; review the rest by hand`,
        ),
      )
    } else {
      throw error
    }
  }
  return changes
}

export function hasBreakingChanges(changes: OpenApiChange[]): boolean {
  return changes.some((change) => change.breaking)
}

function incomplete(message: string): OpenApiChange {
  return { kind: 'comparison-incomplete', breaking: true, path: '', location: '', message }
}

type Add = (change: OpenApiChange) => void

function diffDocuments(ctx: CompareContext, meter: WorkMeter, add: Add) {
  const beforeOps = groupByPath(listOperations(ctx.before.document, ctx.before))
  const afterOps = groupByPath(listOperations(ctx.after.document, ctx.after))
  for (const [path, ops] of beforeOps) {
    const pathPointer = `/paths/${escapePointerToken(path)}`
    const nextOps = afterOps.get(path)
    if (!nextOps) {
      add({
        kind: 'path-removed',
        breaking: true,
        path,
        location: pathPointer,
        message: `Path ${path} was removed (${ops.map((o) => o.method.toUpperCase()).join(', ')})`,
      })
      continue
    }
    for (const op of ops) {
      const next = nextOps.find((candidate) => candidate.method === op.method)
      if (!next)
        add({
          kind: 'operation-removed',
          breaking: true,
          path: op.key,
          location: `${pathPointer}/${op.method}`,
          message: `Operation ${op.key} was removed`,
        })
      else diffOperation(ctx, meter, op, next, add)
    }
    for (const op of nextOps) {
      if (!ops.some((candidate) => candidate.method === op.method)) {
        add({
          kind: 'operation-added',
          breaking: false,
          path: op.key,
          location: `${pathPointer}/${op.method}`,
          message: `Operation ${op.key} was added`,
        })
      }
    }
  }
  for (const [path, ops] of afterOps) {
    if (!beforeOps.has(path)) {
      add({
        kind: 'path-added',
        breaking: false,
        path,
        location: `/paths/${escapePointerToken(path)}`,
        message: `Path ${path} was added (${ops.map((o) => o.method.toUpperCase()).join(', ')})`,
      })
    }
  }
}

function groupByPath(operations: OperationEntry[]): Map<string, OperationEntry[]> {
  const map = new Map<string, OperationEntry[]>()
  for (const op of operations) {
    const list = map.get(op.path)
    if (list) list.push(op)
    else map.set(op.path, [op])
  }
  return map
}

function diffOperation(ctx: CompareContext, meter: WorkMeter, before: OperationEntry, after: OperationEntry, add: Add) {
  const base = `/paths/${escapePointerToken(after.path)}/${after.method}`
  const push = (kind: ChangeKind, breaking: boolean, location: string, message: string) =>
    add({ kind, breaking, path: before.key, location, message })

  // Parameters are identified by (name, in): a header "id" and a query "id" are different things.
  for (const param of after.parameters) {
    meter.spend()
    const old = before.parameters.find((p) => p.name === param.name && p.in === param.in)
    const label = `${param.in} parameter \`${param.name}\``
    const location = `${base}/parameters/${param.in}:${param.name}`
    if (!old) {
      if (param.required) push('required-parameter-added', true, location, `New required ${label}`)
      else push('parameter-added', false, location, `New optional ${label}`)
      continue
    }
    if (param.required && !old.required)
      push('parameter-became-required', true, location, `The ${label} is now required`)
    const [oldType, newType] = [
      typeOf(ctx.before.resolve(old.schema).value),
      typeOf(ctx.after.resolve(param.schema).value),
    ]
    if (oldType && newType && oldType !== newType && !widens(oldType, newType)) {
      push('parameter-type-changed', true, location, `The ${label} changed type from ${oldType} to ${newType}`)
    }
  }
  for (const old of before.parameters) {
    if (!after.parameters.some((p) => p.name === old.name && p.in === old.in)) {
      push(
        'parameter-removed',
        false,
        `${base}/parameters/${old.in}:${old.name}`,
        `The ${old.in} parameter \`${old.name}\` was removed`,
      )
    }
  }

  const emitAt = (location: string, where: string, delta: ReturnType<typeof compareSchemas>) =>
    emitDelta(
      delta,
      { location, where },
      () => meter.spend(),
      (change) => push(change.kind, change.breaking, change.location, change.message),
    )

  const oldBody = before.operation.requestBody
  const newBody = after.operation.requestBody
  if (newBody?.required && !oldBody?.required)
    push('request-body-became-required', true, `${base}/requestBody`, 'A request body is now required')
  for (const [mediaType, media] of Object.entries(newBody?.content ?? {})) {
    const oldMedia = oldBody?.content?.[mediaType]
    if (!oldMedia?.schema || !media?.schema) continue
    emitAt(
      `${base}/requestBody/content/${escapePointerToken(mediaType)}/schema`,
      ' in the request body',
      compareSchemas(ctx, oldMedia.schema, media.schema, 'request'),
    )
  }

  for (const [status, response] of Object.entries(before.operation.responses ?? {})) {
    if (!/^2/.test(status)) continue
    const next = after.operation.responses?.[status]
    const location = `${base}/responses/${status}`
    if (!next) {
      push('response-removed', true, location, `The ${status} response was removed`)
      continue
    }
    for (const [mediaType, media] of Object.entries(response.content ?? {}) as Array<[string, MediaType]>) {
      const nextMedia = next.content?.[mediaType]
      const mediaLocation = `${location}/content/${escapePointerToken(mediaType)}`
      if (!nextMedia) {
        push(
          'response-media-type-removed',
          true,
          mediaLocation,
          `The ${status} response no longer returns ${mediaType}`,
        )
        continue
      }
      if (media?.schema && nextMedia.schema)
        emitAt(
          `${mediaLocation}/schema`,
          ` in the ${status} response`,
          compareSchemas(ctx, media.schema, nextMedia.schema, 'response'),
        )
    }
  }
  for (const status of Object.keys(after.operation.responses ?? {})) {
    if (/^2/.test(status) && !before.operation.responses?.[status])
      push('response-added', false, `${base}/responses/${status}`, `A ${status} response was added`)
  }
}
