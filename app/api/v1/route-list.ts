// The official list of /api/v1 routes: every route handler with its method, path template and
// documentation. The OpenAPI document (openapi.json) is generated from it, and tests check it
// against the route files and the document, so no route exists unlisted or undocumented.
import { z } from 'zod'
import {
  createModelSchema,
  createProviderSchema,
  modelOutputSchema,
  providerOutputSchema,
  updateModelSchema,
  updateProviderSchema,
} from '@/lib/ai/console/schemas'
import { createApiSchema, createVersionSchema, updateApiSchema } from '@/lib/apis/schemas'
import { apiListItemSchema, apiOutputSchema } from '@/lib/apis/to-api-output'
import { versionOutputSchema } from '@/lib/apis/to-version-output'
import { apiKeyOutputSchema, createKeySchema, rotateKeySchema } from '@/lib/keys/schemas'
import { resolveIncidentSchema } from '@/lib/incidents/schemas'
import { deprecateVersionSchema, publishVersionSchema, retireVersionSchema } from '@/lib/lifecycle/schemas'
import { auditEntryOutputSchema } from '@/lib/audit/schemas'
import { configApplySchema, configDiffSchema, configPruneQuerySchema } from '@/lib/config/schemas'
import { cursorListSchema } from '@/lib/management-api/cursor-list'
import type { DocumentedRoute } from '@/lib/management-api/openapi-document'
import {
  billingAccountOutputSchema,
  callOutputSchema,
  incidentOutputSchema,
  ledgerEntryOutputSchema,
  planOutputSchema,
  statementOutputSchema,
} from '@/lib/management-api/output-schemas'
import { createPlanSchema, updatePlanSchema } from '@/lib/plans/schemas'
import {
  approveSubscriptionSchema,
  rejectSubscriptionSchema,
  subscribeSchema,
  subscriptionOutputSchema,
  suspendSubscriptionSchema,
} from '@/lib/subscriptions/schemas'
import * as aiModelsModelRoute from './teams/[team]/ai/models/[model]/route'
import * as aiModelsRoute from './teams/[team]/ai/models/route'
import * as aiProvidersProviderRoute from './teams/[team]/ai/providers/[provider]/route'
import * as aiProvidersRoute from './teams/[team]/ai/providers/route'
import * as apisApiPlansPlanArchiveRoute from './teams/[team]/apis/[api]/plans/[plan]/archive/route'
import * as apisApiPlansPlanRoute from './teams/[team]/apis/[api]/plans/[plan]/route'
import * as apisApiPlansRoute from './teams/[team]/apis/[api]/plans/route'
import * as apisApiRoute from './teams/[team]/apis/[api]/route'
import * as apisApiVersionsVersionDeprecateRoute from './teams/[team]/apis/[api]/versions/[version]/deprecate/route'
import * as apisApiVersionsVersionPublishRoute from './teams/[team]/apis/[api]/versions/[version]/publish/route'
import * as apisApiVersionsVersionRetireRoute from './teams/[team]/apis/[api]/versions/[version]/retire/route'
import * as apisApiVersionsVersionRoute from './teams/[team]/apis/[api]/versions/[version]/route'
import * as apisApiVersionsRoute from './teams/[team]/apis/[api]/versions/route'
import * as apisRoute from './teams/[team]/apis/route'
import * as billingAccountRoute from './teams/[team]/billing/account/route'
import * as billingLedgerRoute from './teams/[team]/billing/ledger/route'
import * as billingStatementsMonthRoute from './teams/[team]/billing/statements/[month]/route'
import * as auditRoute from './teams/[team]/audit/route'
import * as callsRoute from './teams/[team]/calls/route'
import * as configApplyRoute from './teams/[team]/config/apply/route'
import * as configDiffRoute from './teams/[team]/config/diff/route'
import * as configRoute from './teams/[team]/config/route'
import * as incidentsIncidentResolveRoute from './teams/[team]/incidents/[incident]/resolve/route'
import * as incidentsRoute from './teams/[team]/incidents/route'
import * as keysKeyRevokeRoute from './teams/[team]/keys/[key]/revoke/route'
import * as keysKeyRotateRoute from './teams/[team]/keys/[key]/rotate/route'
import * as keysRoute from './teams/[team]/keys/route'
import * as subscriptionsSubscriptionApproveRoute from './teams/[team]/subscriptions/[subscription]/approve/route'
import * as subscriptionsSubscriptionCancelRoute from './teams/[team]/subscriptions/[subscription]/cancel/route'
import * as subscriptionsSubscriptionRejectRoute from './teams/[team]/subscriptions/[subscription]/reject/route'
import * as subscriptionsSubscriptionSuspendRoute from './teams/[team]/subscriptions/[subscription]/suspend/route'
import * as subscriptionsRoute from './teams/[team]/subscriptions/route'

/** The console's input schema without the ids the path already names. */
function bodyOf<S extends z.ZodObject>(schema: S, pathFields: string[]) {
  return schema.omit(Object.fromEntries(pathFields.map((name) => [name, true])) as never)
}

const list = <T extends z.ZodType>(item: T) => cursorListSchema(item)
const versionSummary = apiOutputSchema.shape.versions.element
const configYaml = z.string().meta({ description: 'The declarative config file (YAML; JSON is accepted too)' })
const newKey = apiKeyOutputSchema.extend({ value: z.string().meta({ description: 'Shown once' }) })

export type ManagementRouteEntry = DocumentedRoute

const T = '/api/v1/teams/{team}'

export const MANAGEMENT_ROUTES: ManagementRouteEntry[] = [
  {
    method: 'GET',
    path: `${T}/apis`,
    handler: apisRoute.GET,
    docs: { summary: 'List APIs (q, state)', response: list(apiListItemSchema) },
  },
  {
    method: 'POST',
    path: `${T}/apis`,
    handler: apisRoute.POST,
    docs: { summary: 'Create an API', body: createApiSchema, response: apiOutputSchema, status: 201 },
  },
  {
    method: 'GET',
    path: `${T}/apis/{api}`,
    handler: apisApiRoute.GET,
    docs: { summary: 'Get an API (with an ETag)', response: apiOutputSchema },
  },
  {
    method: 'PATCH',
    path: `${T}/apis/{api}`,
    handler: apisApiRoute.PATCH,
    docs: { summary: 'Edit an API (If-Match)', body: bodyOf(updateApiSchema, ['apiId']), response: apiOutputSchema },
  },
  {
    method: 'DELETE',
    path: `${T}/apis/{api}`,
    handler: apisApiRoute.DELETE,
    docs: {
      summary:
        'Delete an API with its drafts, plans and ended subscriptions (409 while a version serves or a subscription is live)',
      status: 204,
    },
  },
  {
    method: 'GET',
    path: `${T}/apis/{api}/versions`,
    handler: apisApiVersionsRoute.GET,
    docs: { summary: 'List an API’s versions', response: list(versionSummary) },
  },
  {
    method: 'POST',
    path: `${T}/apis/{api}/versions`,
    handler: apisApiVersionsRoute.POST,
    docs: {
      summary: 'Add a draft version (JSON or a multipart contract upload)',
      body: bodyOf(createVersionSchema, ['apiId']),
      response: versionOutputSchema,
      status: 201,
      multipart: true,
    },
  },
  {
    method: 'GET',
    path: `${T}/apis/{api}/versions/{version}`,
    handler: apisApiVersionsVersionRoute.GET,
    docs: { summary: 'Get a version with its contract', response: versionOutputSchema },
  },
  {
    method: 'POST',
    path: `${T}/apis/{api}/versions/{version}/publish`,
    handler: apisApiVersionsVersionPublishRoute.POST,
    docs: {
      summary: 'Publish a draft (the console’s checks; override for breaking changes)',
      body: bodyOf(publishVersionSchema, ['versionId']),
      response: versionOutputSchema,
    },
  },
  {
    method: 'POST',
    path: `${T}/apis/{api}/versions/{version}/deprecate`,
    handler: apisApiVersionsVersionDeprecateRoute.POST,
    docs: {
      summary: 'Deprecate a version with a sunset date',
      body: bodyOf(deprecateVersionSchema, ['versionId']),
      response: versionOutputSchema,
    },
  },
  {
    method: 'POST',
    path: `${T}/apis/{api}/versions/{version}/retire`,
    handler: apisApiVersionsVersionRetireRoute.POST,
    docs: {
      summary: 'Retire a version',
      body: bodyOf(retireVersionSchema, ['versionId']),
      response: versionOutputSchema,
    },
  },
  {
    method: 'GET',
    path: `${T}/apis/{api}/plans`,
    handler: apisApiPlansRoute.GET,
    docs: { summary: 'List an API’s plans (archived=true adds archived ones)', response: list(planOutputSchema) },
  },
  {
    method: 'POST',
    path: `${T}/apis/{api}/plans`,
    handler: apisApiPlansRoute.POST,
    docs: { summary: 'Add a plan', body: bodyOf(createPlanSchema, ['apiId']), response: planOutputSchema, status: 201 },
  },
  {
    method: 'GET',
    path: `${T}/apis/{api}/plans/{plan}`,
    handler: apisApiPlansPlanRoute.GET,
    docs: { summary: 'Get a plan (with an ETag)', response: planOutputSchema },
  },
  {
    method: 'PATCH',
    path: `${T}/apis/{api}/plans/{plan}`,
    handler: apisApiPlansPlanRoute.PATCH,
    docs: { summary: 'Edit a plan (If-Match)', body: bodyOf(updatePlanSchema, ['planId']), response: planOutputSchema },
  },
  {
    method: 'POST',
    path: `${T}/apis/{api}/plans/{plan}/archive`,
    handler: apisApiPlansPlanArchiveRoute.POST,
    docs: { summary: 'Archive a plan', response: planOutputSchema },
  },
  {
    method: 'GET',
    path: `${T}/subscriptions`,
    handler: subscriptionsRoute.GET,
    docs: {
      summary: 'List subscriptions (side=incoming|outgoing, q, state)',
      response: list(subscriptionOutputSchema),
    },
  },
  {
    method: 'POST',
    path: `${T}/subscriptions`,
    handler: subscriptionsRoute.POST,
    docs: { summary: 'Request a subscription', body: subscribeSchema, response: subscriptionOutputSchema, status: 201 },
  },
  {
    method: 'POST',
    path: `${T}/subscriptions/{subscription}/approve`,
    handler: subscriptionsSubscriptionApproveRoute.POST,
    docs: {
      summary: 'Approve a pending request',
      body: bodyOf(approveSubscriptionSchema, ['subscriptionId']),
      response: subscriptionOutputSchema,
    },
  },
  {
    method: 'POST',
    path: `${T}/subscriptions/{subscription}/reject`,
    handler: subscriptionsSubscriptionRejectRoute.POST,
    docs: {
      summary: 'Reject a pending request',
      body: bodyOf(rejectSubscriptionSchema, ['subscriptionId']),
      response: subscriptionOutputSchema,
    },
  },
  {
    method: 'POST',
    path: `${T}/subscriptions/{subscription}/suspend`,
    handler: subscriptionsSubscriptionSuspendRoute.POST,
    docs: {
      summary: 'Suspend an active subscription',
      body: bodyOf(suspendSubscriptionSchema, ['subscriptionId']),
      response: subscriptionOutputSchema,
    },
  },
  {
    method: 'POST',
    path: `${T}/subscriptions/{subscription}/cancel`,
    handler: subscriptionsSubscriptionCancelRoute.POST,
    docs: { summary: 'Cancel the team’s own subscription', response: subscriptionOutputSchema },
  },
  {
    method: 'GET',
    path: `${T}/keys`,
    handler: keysRoute.GET,
    docs: { summary: 'List keys (q)', response: list(apiKeyOutputSchema) },
  },
  {
    method: 'POST',
    path: `${T}/keys`,
    handler: keysRoute.POST,
    docs: { summary: 'Create a key (its value is shown once)', body: createKeySchema, response: newKey, status: 201 },
  },
  {
    method: 'POST',
    path: `${T}/keys/{key}/rotate`,
    handler: keysKeyRotateRoute.POST,
    docs: {
      summary: 'Rotate a key (new value shown once; grace for the old one)',
      body: bodyOf(rotateKeySchema, ['keyId']),
      response: newKey.extend({ previous: apiKeyOutputSchema }),
      status: 201,
    },
  },
  {
    method: 'POST',
    path: `${T}/keys/{key}/revoke`,
    handler: keysKeyRevokeRoute.POST,
    docs: { summary: 'Revoke a key', response: apiKeyOutputSchema },
  },
  {
    method: 'GET',
    path: `${T}/billing/account`,
    handler: billingAccountRoute.GET,
    docs: { summary: 'The billing account (amounts in micros, as strings)', response: billingAccountOutputSchema },
  },
  {
    method: 'GET',
    path: `${T}/billing/ledger`,
    handler: billingLedgerRoute.GET,
    docs: { summary: 'Ledger entries (q)', response: list(ledgerEntryOutputSchema) },
  },
  {
    method: 'GET',
    path: `${T}/billing/statements/{month}`,
    handler: billingStatementsMonthRoute.GET,
    docs: { summary: 'A month’s statement (YYYY-MM)', response: statementOutputSchema },
  },
  {
    method: 'GET',
    path: `${T}/incidents`,
    handler: incidentsRoute.GET,
    docs: { summary: 'Payment incidents (view, q, cause, state)', response: list(incidentOutputSchema) },
  },
  {
    method: 'POST',
    path: `${T}/incidents/{incident}/resolve`,
    handler: incidentsIncidentResolveRoute.POST,
    docs: {
      summary: 'Resolve an open incident',
      body: bodyOf(resolveIncidentSchema, ['incidentId']),
      response: z.object({ id: z.string() }),
    },
  },
  {
    method: 'GET',
    path: `${T}/calls`,
    handler: callsRoute.GET,
    docs: { summary: 'The call log (the console’s filters, the AI ones included)', response: list(callOutputSchema) },
  },
  {
    method: 'GET',
    path: `${T}/ai/providers`,
    handler: aiProvidersRoute.GET,
    docs: { summary: 'List AI providers (q); keys are never answered', response: list(providerOutputSchema) },
  },
  {
    method: 'POST',
    path: `${T}/ai/providers`,
    handler: aiProvidersRoute.POST,
    docs: {
      summary: 'Add an AI provider (the key is encrypted at rest and write-only)',
      body: createProviderSchema,
      response: providerOutputSchema,
      status: 201,
    },
  },
  {
    method: 'GET',
    path: `${T}/ai/providers/{provider}`,
    handler: aiProvidersProviderRoute.GET,
    docs: { summary: 'Get an AI provider (with an ETag)', response: providerOutputSchema },
  },
  {
    method: 'PATCH',
    path: `${T}/ai/providers/{provider}`,
    handler: aiProvidersProviderRoute.PATCH,
    docs: {
      summary: 'Edit an AI provider (If-Match; apiKey replaces the key, clearApiKey removes it)',
      body: bodyOf(updateProviderSchema, ['providerId']),
      response: providerOutputSchema,
    },
  },
  {
    method: 'DELETE',
    path: `${T}/ai/providers/{provider}`,
    handler: aiProvidersProviderRoute.DELETE,
    docs: { summary: 'Delete an AI provider no model uses (409 otherwise)', status: 204 },
  },
  {
    method: 'GET',
    path: `${T}/ai/models`,
    handler: aiModelsRoute.GET,
    docs: { summary: 'List AI models (q)', response: list(modelOutputSchema) },
  },
  {
    method: 'POST',
    path: `${T}/ai/models`,
    handler: aiModelsRoute.POST,
    docs: {
      summary: 'Add an AI model on one of the team’s providers',
      body: createModelSchema,
      response: modelOutputSchema,
      status: 201,
    },
  },
  {
    method: 'GET',
    path: `${T}/ai/models/{model}`,
    handler: aiModelsModelRoute.GET,
    docs: { summary: 'Get an AI model (with an ETag)', response: modelOutputSchema },
  },
  {
    method: 'PATCH',
    path: `${T}/ai/models/{model}`,
    handler: aiModelsModelRoute.PATCH,
    docs: {
      summary: 'Edit an AI model (If-Match)',
      body: bodyOf(updateModelSchema, ['modelId']),
      response: modelOutputSchema,
    },
  },
  {
    method: 'DELETE',
    path: `${T}/ai/models/{model}`,
    handler: aiModelsModelRoute.DELETE,
    docs: { summary: 'Delete an AI model no AI API version routes to (409 otherwise)', status: 204 },
  },
  {
    method: 'GET',
    path: `${T}/config`,
    handler: configRoute.GET,
    docs: {
      summary: 'Export the declarative config (APIs, versions, plans, AI settings without secrets) as YAML',
      response: configYaml,
      responseType: 'application/yaml',
    },
  },
  {
    method: 'POST',
    path: `${T}/config/diff`,
    handler: configDiffRoute.POST,
    docs: {
      summary: 'What applying a config file would change (create, update, unchanged; delete with prune)',
      query: configPruneQuerySchema,
      body: configYaml,
      bodyType: 'application/yaml',
      response: configDiffSchema,
    },
  },
  {
    method: 'POST',
    path: `${T}/config/apply`,
    handler: configApplyRoute.POST,
    docs: {
      summary:
        'Apply a config file in one transaction (idempotent; 409 on a published contract; prune=true deletes what the file leaves out)',
      query: configPruneQuerySchema,
      body: configYaml,
      bodyType: 'application/yaml',
      response: configApplySchema,
    },
  },
  {
    method: 'GET',
    path: `${T}/audit`,
    handler: auditRoute.GET,
    docs: {
      summary: 'The audit log (actor, action, target, origin, from, to, q)',
      response: list(auditEntryOutputSchema),
    },
  },
]
