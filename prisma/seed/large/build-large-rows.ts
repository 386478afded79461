import type { Prisma } from '@/generated/sqlite/client'
import { buildSearchText } from '@/lib/apis/search-text'
import { createId } from '@/lib/ids'
import { DESCRIPTION_TEMPLATES, DOMAINS, NOUNS, QUALIFIERS } from './word-lists'

const DAY_MS = 86_400_000

export type LargeApiRows = {
  apis: Prisma.ApiCreateManyInput[]
  versions: Prisma.ApiVersionCreateManyInput[]
  tags: Prisma.ApiTagCreateManyInput[]
  plans: Prisma.PlanCreateManyInput[]
  events: Prisma.LifecycleEventCreateManyInput[]
}

export function emptyRows(): LargeApiRows {
  return { apis: [], versions: [], tags: [], plans: [], events: [] }
}

/** The n-th API name overall; consecutive n walk every combination before any repeats. */
export function largeApiName(n: number): { name: string; domain: (typeof DOMAINS)[number]; noun: string } {
  const domain = DOMAINS[n % DOMAINS.length]
  const noun = NOUNS[Math.floor(n / DOMAINS.length) % NOUNS.length]
  const qualifier = QUALIFIERS[Math.floor(n / (DOMAINS.length * NOUNS.length)) % QUALIFIERS.length]
  return { name: `${qualifier} ${domain.word} ${noun}`, domain, noun }
}

function smallOpenApi(title: string, description: string, resource: string): string {
  const item = {
    type: 'object',
    properties: { id: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' } },
  }
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title, version: '1.0.0', description },
    paths: {
      [`/${resource}`]: {
        get: {
          operationId: `list${resource}`,
          summary: `List ${resource}`,
          responses: {
            '200': {
              description: 'A page of results',
              content: { 'application/json': { schema: { type: 'array', items: item } } },
            },
          },
        },
      },
      [`/${resource}/{id}`]: {
        get: {
          operationId: `get${resource}`,
          summary: 'Fetch one',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The record', content: { 'application/json': { schema: item } } },
            '404': { description: 'Not found' },
          },
        },
      },
    },
  })
}

/** Rows for one team's APIs: each with a published v1, a Free plan (and every fourth a paid one), tags and a create/publish history. */
export function buildTeamApis(
  options: { teamId: string; teamSlug: string; firstIndex: number; count: number; upstreamBase: string; now: Date },
  rows: LargeApiRows,
): void {
  const { teamId, firstIndex, count, upstreamBase, now } = options
  const usedSlugs = new Set<string>()
  for (let i = 0; i < count; i++) {
    const n = firstIndex + i
    const { name, domain, noun } = largeApiName(n)
    let slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    if (usedSlugs.has(slug)) slug = `${slug}-${n}`
    usedSlugs.add(slug)
    const description = DESCRIPTION_TEMPLATES[n % DESCRIPTION_TEMPLATES.length](
      `${domain.word.toLowerCase()} ${noun.toLowerCase()}`,
    )
    const tags = [...new Set([...domain.tags, n % 3 === 0 ? 'beta' : 'stable'])]
    // Spread over the last year, so "recently updated" sorting and date filters have something to do.
    const createdAt = new Date(now.getTime() - (((n * 37) % 365) + 2) * DAY_MS)
    const publishedAt = new Date(createdAt.getTime() + ((n % 5) + 1) * 3_600_000)
    const apiId = createId('api')
    const versionId = createId('ver')
    rows.apis.push({
      id: apiId,
      teamId,
      slug,
      name,
      description,
      kind: 'REST',
      visibility: 'INTERNAL',
      state: 'PUBLISHED',
      searchText: buildSearchText(name, description, tags),
      createdAt,
      updatedAt: publishedAt,
    })
    rows.versions.push({
      id: versionId,
      apiId,
      teamId,
      version: 'v1',
      major: 1,
      state: 'PUBLISHED',
      openapi: smallOpenApi(name, description, noun.toLowerCase()),
      upstreamUrl: `${upstreamBase}/${options.teamSlug}/${slug}`,
      publishedAt,
      createdAt,
      updatedAt: publishedAt,
    })
    for (const tag of tags) rows.tags.push({ id: createId('tag'), apiId, tag, createdAt })
    rows.plans.push({
      id: createId('plan'),
      apiId,
      teamId,
      name: 'Free',
      description: 'Generated plan',
      approval: 'AUTO',
      rateLimit: 120,
      createdAt,
    })
    // Every fourth API also sells calls, so generated traffic has revenue and spend to chart.
    if (n % 4 === 0) {
      rows.plans.push({
        id: createId('plan'),
        apiId,
        teamId,
        name: 'Pay as you go',
        description: 'Generated paid plan',
        approval: 'AUTO',
        rateLimit: 600,
        paid: true,
        pricePerCallMicros: BigInt(100 * (1 + (n % 20))),
        freeCallsPerMonth: 1_000,
        createdAt,
      })
    }
    rows.events.push(
      {
        id: createId('evt'),
        apiId,
        versionId,
        teamId,
        action: 'create',
        toState: 'DRAFT',
        createdAt,
        updatedAt: createdAt,
      },
      {
        id: createId('evt'),
        apiId,
        versionId,
        teamId,
        action: 'publish',
        fromState: 'DRAFT',
        toState: 'PUBLISHED',
        createdAt: publishedAt,
        updatedAt: publishedAt,
      },
    )
  }
}
